import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { GenderSchema } from './member-joined.v1';
import { EmploymentFormSchema } from './member-joined.v2';
import { RetentionReasonSchema } from './membership-retained.v1';

/**
 * A member's membership moved to another union (会员关系转接) in one step, so that the member
 * counts in exactly one union at every moment; the original join date is kept. The event concerns
 * the receiving union, and carries what the member counts as there (gender, migrant, employment
 * form), so that a read model can apply it without the earlier events of the member.
 */
export const MemberTransferredV1 = defineEvent(
  'MemberTransferred',
  1,
  z.object({
    memberId: z.string().min(1),
    fromUnionId: z.string().min(1),
    toUnionId: z.string().min(1),
    transferredOn: z.iso.date(),
    /** The date the member first joined, unchanged by the transfer. */
    joinedOn: z.iso.date(),
    gender: GenderSchema,
    employmentForm: EmploymentFormSchema.nullable(),
    migrantWorker: z.boolean().nullable(),
    /**
     * Absent for a transfer asked for the member; `merger` when their union merged (合并);
     * `founding` when a union was founded at the workplace of a member a federation held.
     */
    cause: z.enum(['merger', 'founding']).optional(),
    /**
     * Present when a retained membership (保留会籍) held by the union moves with a merger: the
     * member stays retained, now held by the receiving union, and is not an active member there.
     */
    retention: z.object({ reason: RetentionReasonSchema, since: z.iso.date() }).optional(),
  }),
);
