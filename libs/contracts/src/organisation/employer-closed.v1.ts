import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** An employer closed (注销, 关停, 撤销): it no longer counts among the employers or the workforce. */
export const EmployerClosedV1 = defineEvent(
  'EmployerClosed',
  1,
  z.object({
    employerId: z.string().min(1),
    closedOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);
