import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * The higher union refused a re-election (换届选举不予批准): the old committee's term runs on, and
 * the union may hold a new election.
 */
export const ElectionRejectedV1 = defineEvent(
  'ElectionRejected',
  1,
  z.object({
    unionId: z.string().min(1),
    /** The congress whose result is refused. */
    heldOn: z.iso.date(),
    rejectedOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);
