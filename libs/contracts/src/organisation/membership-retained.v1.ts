import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * Why a membership is retained (保留会籍): retired, unemployed, the employer closed, or the union
 * was dissolved (工会撤销: the federation above holds what it held, recorded with the dissolution).
 */
export const RetentionReasonSchema = z.enum([
  'retired',
  'unemployed',
  'employer_closed',
  'union_dissolved',
]);
export type RetentionReason = z.infer<typeof RetentionReasonSchema>;

/**
 * A member's membership is retained (保留会籍), held by the union itself or by the federation
 * above it (`heldByOrgUnitId`); the event concerns the holder. A retained membership is not an
 * active one: it is counted apart from the members.
 */
export const MembershipRetainedV1 = defineEvent(
  'MembershipRetained',
  1,
  z.object({
    memberId: z.string().min(1),
    /** The union the member belonged to until now. */
    unionId: z.string().min(1),
    reason: RetentionReasonSchema,
    heldBy: z.enum(['union', 'federation']),
    heldByOrgUnitId: z.string().min(1),
    since: z.iso.date(),
  }),
);
