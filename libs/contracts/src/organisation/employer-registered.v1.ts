import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** The kinds of employer a federation keeps in its registry (单位台账). */
export const EmployerKindSchema = z
  .enum(['enterprise', 'public_institution', 'social_organisation', 'other'])
  .describe(
    'enterprise 企业 · public_institution 事业单位 · social_organisation 社会组织 · other 其他',
  );
export type EmployerKind = z.infer<typeof EmployerKindSchema>;

/** A unified social credit code (统一社会信用代码): the shape only; the check digits are the decider's. */
export const CreditCodeSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  .describe('unified social credit code 统一社会信用代码 (GB 32100), 18 characters');

const count = z.number().int().nonnegative();

/** Workforce figures of an employer on one date (职工人数 and of them women, migrants, new-form). */
export const EmployerHeadcountsSchema = z.object({
  headcount: count.describe('workers 职工人数'),
  femaleHeadcount: count.describe('of them women 女职工人数'),
  migrantHeadcount: count.describe('of them migrant workers 农民工人数'),
  newFormHeadcount: count.describe('of them new-form workers 新就业形态劳动者人数'),
});

/**
 * What a founding application says of the employer (seed 003: 地址、注册资本、领导人的配备), as in its
 * business licence: public registry data, each optional. Capital in fen (分), an integer.
 */
export const EmployerDetailsSchema = z.object({
  address: z.string().min(1).optional().describe('registered address 地址'),
  legalRepresentative: z
    .string()
    .min(1)
    .optional()
    .describe('legal representative 法定代表人, as on the business licence'),
  registeredCapital: z
    .number()
    .int()
    .nonnegative()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('registered capital 注册资本 in fen (分)'),
});

/**
 * An employer entered the registry (单位台账) in a street; its headcounts are as of
 * `registeredOn`. The employer id is its credit code, which is assigned for life and never reused.
 */
export const EmployerRegisteredV1 = defineEvent(
  'EmployerRegistered',
  1,
  z.object({
    employerId: z.string().min(1),
    creditCode: CreditCodeSchema,
    name: z.string().min(1),
    kind: EmployerKindSchema,
    streetId: z.string().min(1),
    /** The street's path and the employer id: the employer is counted in the street's subtree. */
    orgPath: z.string().min(1),
    registeredOn: z.iso.date(),
    ...EmployerHeadcountsSchema.shape,
    /** Absent in events recorded before, and when not given. */
    ...EmployerDetailsSchema.shape,
  }),
);
