import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/** 劳动争议的类别: unpaid wages 欠薪, social insurance 社保, dismissal 解除劳动关系, work injury 工伤, overtime 加班, other 其他. */
export const DisputeCategorySchema = z.enum([
  'unpaid_wages',
  'social_insurance',
  'dismissal',
  'work_injury',
  'overtime',
  'other',
]);
export type DisputeCategory = z.infer<typeof DisputeCategorySchema>;

/** A worker who brings the dispute: a member of the union (checked), or a worker who is not one. */
export const ClaimantSchema = z.object({
  memberId: z.string().min(1).nullable(),
  name: z.string().min(1),
});

/**
 * A union's mediation committee accepted a labour dispute (受理劳动争议); without an agreement by
 * `arbitrationEligibleOn` (the rule's mediation days after acceptance) the workers may go to
 * arbitration.
 */
export const DisputeRegisteredV1 = defineEvent(
  'DisputeRegistered',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    category: DisputeCategorySchema,
    claimants: z.array(ClaimantSchema).min(1),
    amountClaimedFen: z.number().int().nonnegative(),
    acceptedOn: z.iso.date(),
    arbitrationEligibleOn: z.iso.date(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** Mediation ended in an agreement (调解协议), with what the workers recovered. */
export const DisputeAgreedV1 = defineEvent(
  'DisputeAgreed',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    agreedOn: z.iso.date(),
    amountRecoveredFen: z.number().int().nonnegative(),
  }),
);

/** Mediation failed (调解不成): the dispute is referred to arbitration (引导申请仲裁). */
export const DisputeFailedV1 = defineEvent(
  'DisputeFailed',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    failedOn: z.iso.date(),
    reason: z.string().min(1),
    referredToArbitration: z.literal(true),
  }),
);

/** The workers withdrew the dispute (撤回调解申请). */
export const DisputeWithdrawnV1 = defineEvent(
  'DisputeWithdrawn',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    withdrawnOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);

/**
 * The mediation days ran out without an agreement (劳动争议调解仲裁法 §14): from `eligibleOn` the
 * workers may apply for arbitration; the dispute counts as overdue. Recorded once by the clock.
 */
export const DisputeArbitrationEligibleV1 = defineEvent(
  'DisputeArbitrationEligible',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    acceptedOn: z.iso.date(),
    eligibleOn: z.iso.date(),
  }),
);

/**
 * What hardship aid needs to open a screening (意外致困 referral) for a dispute about a work injury
 * or unpaid wages: the members among the claimants, their union, the category and the amounts.
 */
export const HardshipScreeningRequestedV1 = defineEvent(
  'HardshipScreeningRequested',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    memberIds: z.array(z.string().min(1)),
    category: z.enum(['unpaid_wages', 'work_injury']),
    amountClaimedFen: z.number().int().nonnegative(),
    requestedOn: z.iso.date(),
  }),
);
