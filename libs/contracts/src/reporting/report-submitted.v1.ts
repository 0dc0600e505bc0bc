import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** A reporting period 统计期: a month (`2026-11`) or a year (`2026`). */
export const ReportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), value: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  z.object({ kind: z.literal('year'), value: z.string().regex(/^\d{4}$/) }),
]);

/**
 * A street or district federation submitted its statistics for a period upward (报表报送): the
 * figures of its subtree on the period's last day, frozen as they were known at the instant of
 * submission. A later one for the same period (更正) is the next version and supersedes it.
 */
export const ReportSubmittedV1 = defineEvent(
  'ReportSubmitted',
  1,
  z.object({
    reportId: z.string().min(1),
    orgUnitId: z.string().min(1),
    period: ReportPeriodSchema,
    /** The period's last day: the figures are as of the end of it. */
    asOf: z.iso.date(),
    /** The instant the figures were known at (the submission's). */
    knownAt: z.iso.datetime({ offset: true }),
    /** Every figure of the summary (counts and rates) as computed then, by its name. */
    figures: z.record(z.string(), z.number().nullable()),
    /** Where employers and workforce came from, and the dates of their headcounts. */
    employerRegistry: z.object({
      source: z.literal('employer-registry'),
      oldestHeadcountsAsOf: z.iso.date().nullable(),
      newestHeadcountsAsOf: z.iso.date().nullable(),
    }),
    submittedBy: z.object({ userId: z.string().min(1), username: z.string().min(1) }),
    submittedAt: z.iso.datetime({ offset: true }),
    /** 1 for the first submission of the period, then 2, 3… for each correction 更正. */
    version: z.number().int().positive(),
    /** The report this one corrects, null for the first. */
    supersedes: z.string().min(1).nullable(),
  }),
);
