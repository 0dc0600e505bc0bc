import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/** 劳动保护监督检查的种类: general 一般检查, or women workers' special protection 女职工"五期"保护. */
export const InspectionKindSchema = z.enum(['general', 'women_special']);
export type InspectionKind = z.infer<typeof InspectionKindSchema>;

/** 女职工"五期": 经期 menstruation, 孕期 pregnancy, 产期 childbirth, 哺乳期 nursing, 更年期 menopause. */
export const WomenPeriodSchema = z.enum([
  'menstruation',
  'pregnancy',
  'childbirth',
  'nursing',
  'menopause',
]);
export type WomenPeriod = z.infer<typeof WomenPeriodSchema>;

/** 隐患等级: minor 一般, major 较大, serious 重大. */
export const HazardSeveritySchema = z.enum(['minor', 'major', 'serious']);
export type HazardSeverity = z.infer<typeof HazardSeveritySchema>;

/**
 * A union inspected an employer's labour protection (劳动保护监督检查); a women-special inspection
 * names the periods it checked (`periodsChecked`, empty for a general one). The employer as named
 * (`employerName`) or by its registry id (`employerId`), at least one.
 */
export const LabourInspectionRecordedV1 = defineEvent(
  'LabourInspectionRecorded',
  1,
  z.object({
    inspectionId: z.string().min(1),
    unionId: z.string().min(1),
    kind: InspectionKindSchema,
    periodsChecked: z.array(WomenPeriodSchema),
    inspectedOn: z.iso.date(),
    employerName: z.string().min(1).nullable(),
    employerId: z.string().min(1).nullable(),
    inspectors: z.array(z.string().min(1)).min(1),
    findings: z.string().nullable(),
  }),
);

/** A hazard 隐患 found at an inspection. */
export const HazardFoundV1 = defineEvent(
  'HazardFound',
  1,
  z.object({
    inspectionId: z.string().min(1),
    hazardId: z.string().min(1),
    unionId: z.string().min(1),
    description: z.string().min(1),
    severity: HazardSeveritySchema,
    foundOn: z.iso.date(),
  }),
);

/**
 * The union asked the employer to rectify a hazard by `dueOn` (整改通知), no later than
 * `latestDueOn`, the rule's maximum days for the severity (`ruleSet`).
 */
export const HazardRectificationRequestedV1 = defineEvent(
  'HazardRectificationRequested',
  1,
  z.object({
    inspectionId: z.string().min(1),
    hazardId: z.string().min(1),
    unionId: z.string().min(1),
    severity: HazardSeveritySchema,
    requestedOn: z.iso.date(),
    dueOn: z.iso.date(),
    latestDueOn: z.iso.date(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** Not rectified by the due date: recorded once, on the day after it (`overdueOn`). */
export const HazardRectificationOverdueV1 = defineEvent(
  'HazardRectificationOverdue',
  1,
  z.object({
    inspectionId: z.string().min(1),
    hazardId: z.string().min(1),
    unionId: z.string().min(1),
    dueOn: z.iso.date(),
    overdueOn: z.iso.date(),
  }),
);

/** The employer rectified the hazard (`late`: after its due date). */
export const HazardRectifiedV1 = defineEvent(
  'HazardRectified',
  1,
  z.object({
    inspectionId: z.string().min(1),
    hazardId: z.string().min(1),
    unionId: z.string().min(1),
    rectifiedOn: z.iso.date(),
    late: z.boolean(),
  }),
);

/** The union verified the rectification (复查验收). */
export const HazardRectificationVerifiedV1 = defineEvent(
  'HazardRectificationVerified',
  1,
  z.object({
    inspectionId: z.string().min(1),
    hazardId: z.string().min(1),
    unionId: z.string().min(1),
    verifiedOn: z.iso.date(),
    by: z.string().min(1),
  }),
);

/**
 * The union merged into another (工会合并) while a hazard of the inspection was still open: the
 * inspection belongs to the surviving union from `on`, with what it counted until then.
 */
export const InspectionHandedOverV1 = defineEvent(
  'InspectionHandedOver',
  1,
  z.object({
    inspectionId: z.string().min(1),
    fromUnionId: z.string().min(1),
    toUnionId: z.string().min(1),
    on: z.iso.date(),
    womenSpecial: z.boolean(),
    hazardsFound: z.number().int().nonnegative(),
    hazardsRectified: z.number().int().nonnegative(),
    hazardsOverdue: z.number().int().nonnegative(),
  }),
);

/**
 * The union was dissolved (撤销) while a hazard was still open: the inspection stays under its
 * path and the federation above (`keeperId`) follows the rectification up.
 */
export const InspectionKeptByFederationV1 = defineEvent(
  'InspectionKeptByFederation',
  1,
  z.object({
    inspectionId: z.string().min(1),
    unionId: z.string().min(1),
    keeperId: z.string().min(1),
    on: z.iso.date(),
  }),
);
