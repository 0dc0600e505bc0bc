import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ReportPeriodSchema, ReportSubmittedV1 } from '@taizhang/contracts';

const MONTH_OR_YEAR = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

const period = () =>
  z
    .string()
    .regex(MONTH_OR_YEAR, 'period must be a month as YYYY-MM or a year as YYYY')
    .describe('the period 统计期: a month (2026-11) or a year (2026), already over');

export const SubmitReportSchema = z.object({ period: period() }).strict();
export class SubmitReportDto extends createZodDto(SubmitReportSchema) {}

export const SubmissionsQuerySchema = z.object({ period: period() }).strict();
export class SubmissionsQueryDto extends createZodDto(SubmissionsQuerySchema) {}

const SubmittedBySchema = ReportSubmittedV1.schema.shape.submittedBy;

/** When a unit's report for the period was submitted, and by whom (its latest version). */
export const SubmissionStateSchema = z.object({
  reportId: z.string(),
  version: z.number().int().describe('1, then 2, 3… for each correction 更正'),
  submittedAt: z.iso.datetime({ offset: true }),
  knownAt: z.iso.datetime({ offset: true }).describe('the figures are as known at this instant'),
  submittedBy: SubmittedBySchema,
});

export const SubmissionsSchema = z.object({
  orgUnitId: z.string(),
  kind: z
    .string()
    .describe('the unit’s own kind: a street or district submits its own report, others do not'),
  period: ReportPeriodSchema,
  asOf: z.iso.date().describe('the period’s last day'),
  own: SubmissionStateSchema.nullable().describe(
    'the unit’s own report for the period (a street or district), null when not yet or when it reports nothing',
  ),
  children: z
    .array(
      z.object({
        orgUnitId: z.string(),
        name: z.string().nullable(),
        kind: z.string(),
        submission: SubmissionStateSchema.nullable().describe('null: not submitted yet 未报送'),
      }),
    )
    .describe('each child street or district the unit had on the period’s last day'),
  submitted: z.number().int().describe('children that have submitted 已报送'),
  notYet: z.number().int().describe('children that have not 未报送'),
});
export class SubmissionsDto extends createZodDto(SubmissionsSchema) {}

export const FigureChangeSchema = z.object({
  figure: z.string(),
  then: z.number().nullable().describe('as frozen in the report'),
  now: z.number().nullable().describe('the same figure of the same day, as known now'),
  change: z.number().nullable().describe('now − then; null when one side has no value'),
});

export const SubmittedReportSchema = z.object({
  reportId: z.string(),
  eventId: z.string().describe('the ReportSubmitted event that froze it (for the audit trail)'),
  orgUnitId: z.string(),
  name: z.string().nullable(),
  kind: z.string(),
  period: ReportPeriodSchema,
  asOf: z.iso.date(),
  knownAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
  supersedes: z.string().nullable().describe('the report this one corrects'),
  latest: z.boolean().describe('false when a correction 更正 superseded it'),
  latestReportId: z.string(),
  submittedBy: SubmittedBySchema,
  submittedAt: z.iso.datetime({ offset: true }),
  figures: z
    .record(z.string(), z.number().nullable())
    .describe('every figure exactly as frozen at knownAt (the summary’s names)'),
  employerRegistry: ReportSubmittedV1.schema.shape.employerRegistry,
  checkedAt: z.iso.datetime({ offset: true }).describe('the instant changesSince was read'),
  changesSince: z
    .array(FigureChangeSchema)
    .describe(
      'what entries recorded after knownAt changed (the figures of the same day now, minus the report), non-zero only',
    ),
});
export class SubmittedReportDto extends createZodDto(SubmittedReportSchema) {}
