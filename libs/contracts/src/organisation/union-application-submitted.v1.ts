import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';
import { UnionTypeSchema } from './union-type.v1';

/** A preparatory group (筹备组) applied to the union one level up to found a union (组建申请). */
export const UnionApplicationSubmittedV1 = defineEvent(
  'UnionApplicationSubmitted',
  1,
  z.object({
    unionId: z.string().min(1),
    proposedName: z.string().min(1),
    parentId: z.string().min(1),
    /** Where the union will sit once established. */
    orgPath: z.string().min(1),
    /** One employer for an enterprise union, several for a joint union (联合基层工会). */
    employerIds: z.array(z.string().min(1)).min(1),
    preparatoryGroup: z
      .array(z.object({ name: z.string().min(1), role: z.string().min(1) }))
      .min(3)
      .max(5),
    submittedOn: z.iso.date(),
    /** 工会类型 of the union to be founded; absent when the application did not say. */
    unionType: UnionTypeSchema.optional(),
    /**
     * The last day for the higher union's answer (submittedOn + the rule's reply days); absent in
     * events recorded before: national rules, 15 days.
     */
    answerDueOn: z.iso.date().optional(),
    /** The rule set that set `answerDueOn`. */
    ruleSet: AppliedRuleSetSchema.optional(),
  }),
);
