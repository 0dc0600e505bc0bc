import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';
import { UnionTypeSchema } from './union-type.v1';

export const CommitteePostSchema = z.enum(['chair', 'vice_chair', 'member', 'organiser']);

/** Offices a congress fills besides the committee: 女职工委员会 and 经费审查委员会. */
export const CongressOfficeSchema = z.enum([
  'women_committee_chair',
  'women_committee_member',
  'audit_committee_chair',
  'audit_committee_member',
]);

/** Who fills an office of the women's or audit committee; absent in events recorded before. */
export const CongressOfficesSchema = z
  .array(z.object({ name: z.string().min(1), office: CongressOfficeSchema }))
  .optional();

/**
 * The founding members' congress (会员大会) elected the committee, or one organiser (组织员) in a
 * small union, and the union is established as a grassroots org unit.
 */
export const UnionEstablishedV1 = defineEvent(
  'UnionEstablished',
  1,
  z.object({
    unionId: z.string().min(1),
    name: z.string().min(1),
    parentId: z.string().min(1),
    orgPath: z.string().min(1),
    establishedOn: z.iso.date(),
    employerIds: z.array(z.string().min(1)).min(1),
    congress: z.object({
      entitledVoters: z.number().int().positive(),
      present: z.number().int().nonnegative(),
    }),
    committee: z.array(z.object({ name: z.string().min(1), post: CommitteePostSchema })).min(1),
    offices: CongressOfficesSchema,
    termYears: z.union([z.literal(3), z.literal(5)]),
    termEndsOn: z.iso.date(),
    /** The rule set the election was judged by; absent in events recorded before: national, 1. */
    ruleSet: AppliedRuleSetSchema.optional(),
    /** 工会类型, as the application gave it; absent when it did not say. */
    unionType: UnionTypeSchema.optional(),
  }),
);
