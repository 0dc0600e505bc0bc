import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * A grassroots union was merged into another (合并) from a date and records nothing more; its
 * members move to the receiving union, each by a `MemberTransferred` of their own, with their
 * history. The event concerns the union that was merged.
 */
export const UnionMergedV1 = defineEvent(
  'UnionMerged',
  1,
  z.object({
    unionId: z.string().min(1),
    intoUnionId: z.string().min(1),
    mergedOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);
