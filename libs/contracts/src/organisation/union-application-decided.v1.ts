import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** The higher union approved a founding application (批准组建). */
export const UnionApplicationApprovedV1 = defineEvent(
  'UnionApplicationApproved',
  1,
  z.object({ unionId: z.string().min(1), approvedOn: z.iso.date() }),
);

/** The higher union rejected a founding application, with its reason. */
export const UnionApplicationRejectedV1 = defineEvent(
  'UnionApplicationRejected',
  1,
  z.object({ unionId: z.string().min(1), rejectedOn: z.iso.date(), reason: z.string().min(1) }),
);
