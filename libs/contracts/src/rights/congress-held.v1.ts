import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/** 职工代表大会 of an enterprise, or 教职工代表大会 of a school. */
export const CongressKindSchema = z.enum(['workers', 'teachers']);

/** A session of a union's workers' congress (职代会/教代会) was held with a quorum. */
export const CongressHeldV1 = defineEvent(
  'CongressHeld',
  1,
  z.object({
    congressId: z.string().min(1),
    unionId: z.string().min(1),
    kind: CongressKindSchema,
    heldOn: z.iso.date(),
    delegatesEntitled: z.number().int().positive(),
    delegatesPresent: z.number().int().nonnegative(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** A congress voted on a resolution (决议); it passes with more than half of all delegates for. */
export const CongressResolutionVotedV1 = defineEvent(
  'CongressResolutionVoted',
  1,
  z.object({
    congressId: z.string().min(1),
    unionId: z.string().min(1),
    resolutionId: z.string().min(1),
    title: z.string().min(1),
    votesFor: z.number().int().nonnegative(),
    delegatesEntitled: z.number().int().positive(),
    passed: z.boolean(),
    ruleSet: AppliedRuleSetSchema,
  }),
);
