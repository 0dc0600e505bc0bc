import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';
import { CommitteePostSchema, CongressOfficesSchema } from './union-established.v1';

/** A members' congress re-elected the committee (换届选举); the higher union has yet to approve it. */
export const CommitteeElectedV1 = defineEvent(
  'CommitteeElected',
  1,
  z.object({
    unionId: z.string().min(1),
    heldOn: z.iso.date(),
    congress: z.object({
      entitledVoters: z.number().int().positive(),
      present: z.number().int().nonnegative(),
    }),
    committee: z.array(z.object({ name: z.string().min(1), post: CommitteePostSchema })).min(1),
    offices: CongressOfficesSchema,
    termYears: z.union([z.literal(3), z.literal(5)]),
    /** The rule set the election was judged by; absent in events recorded before: national, 1. */
    ruleSet: AppliedRuleSetSchema.optional(),
    /**
     * The last day for the higher union's answer (heldOn + the rule's reply days); absent in
     * events recorded before: national rules, 15 days.
     */
    answerDueOn: z.iso.date().optional(),
  }),
);

/** The higher union approved the re-election; the new term runs from the congress. */
export const CommitteeElectionApprovedV1 = defineEvent(
  'CommitteeElectionApproved',
  1,
  z.object({ unionId: z.string().min(1), approvedOn: z.iso.date(), termEndsOn: z.iso.date() }),
);

/** The committee's term ran out without an approved re-election (换届预警). */
export const UnionTermExpiredV1 = defineEvent(
  'UnionTermExpired',
  1,
  z.object({ unionId: z.string().min(1), termEndedOn: z.iso.date() }),
);
