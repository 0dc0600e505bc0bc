import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/** A negotiator 协商代表 of one side; the chief 首席代表 leads the side. */
export const NegotiatorSchema = z
  .object({ name: z.string().min(1).max(100), chief: z.boolean() })
  .strict();
export type Negotiator = z.infer<typeof NegotiatorSchema>;

/**
 * A round of collective negotiation 协商 after the employers' answer: equal numbers a side
 * within the rule's bounds, exactly one chief each side.
 */
export const ContractNegotiationRoundHeldV1 = defineEvent(
  'ContractNegotiationRoundHeld',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    round: z.number().int().positive(),
    heldOn: z.iso.date(),
    unionRepresentatives: z.array(NegotiatorSchema).min(1),
    employerRepresentatives: z.array(NegotiatorSchema).min(1),
    notes: z.string().nullable(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/**
 * The workers' congress voted on the draft 职代会审议 (with its quorum of delegates present):
 * `passed` with more than the rule's share of ALL delegates for; a failed draft goes back to
 * negotiation. The draft's terms are what a signed contract will carry.
 */
export const ContractDraftVotedV1 = defineEvent(
  'ContractDraftVoted',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    votedOn: z.iso.date(),
    delegatesTotal: z.number().int().positive(),
    delegatesPresent: z.number().int().positive(),
    votesFor: z.number().int().nonnegative(),
    passed: z.boolean(),
    /** Percent (3.5 is 3.5 %), a wage contract's agreed increase; null when none was agreed. */
    wageIncreasePercent: z.number().nullable(),
    workforceCovered: z.number().int().positive(),
    termYears: z.number().int().positive(),
    ruleSet: AppliedRuleSetSchema,
  }),
);
