import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** A member left the union (退会), or a retained membership ended; the reason as recorded. */
export const MemberLeftV1 = defineEvent(
  'MemberLeft',
  1,
  z.object({
    memberId: z.string().min(1),
    /** The union the member last belonged to. */
    unionId: z.string().min(1),
    reason: z.string().min(1),
    leftOn: z.iso.date(),
  }),
);
