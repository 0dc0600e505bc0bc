import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';
import { UnionTypeSchema } from './union-type.v1';

/** An existing grassroots union (基层工会) was registered on the platform (存量工会登记). */
export const UnionRegisteredV1 = defineEvent(
  'UnionRegistered',
  1,
  z.object({
    unionId: z.string().min(1),
    name: z.string().min(1),
    parentId: z.string().min(1),
    establishedOn: z.iso.date(),
    orgPath: z.string().min(1),
    /** Credit codes of the employers it covers (建会率), when the registration names them. */
    employerIds: z.array(z.string().min(1)).optional(),
    /**
     * The committee serving when the union was registered, when the registration names it: its
     * election date, its term and the term's last day (换届预警 counts from it).
     */
    currentTerm: z
      .object({
        electedOn: z.iso.date(),
        termYears: z.union([z.literal(3), z.literal(5)]),
        termEndsOn: z.iso.date(),
      })
      .optional(),
    /** The rule set the term was judged by; only with `currentTerm`. */
    ruleSet: AppliedRuleSetSchema.optional(),
    /** 工会类型; absent when the registration did not say (not recorded, never a guess). */
    unionType: UnionTypeSchema.optional(),
  }),
);
