import type { Pool } from 'pg';

import type { ReportPeriod, ReportSubmitted } from '@taizhang/contracts';

import { LATEST_SUBMISSIONS, READ_SUBMISSION } from './report-submissions.sql';

export interface SubmissionRow {
  report_id: string;
  org_unit_id: string;
  period_kind: 'month' | 'year';
  period_value: string;
  version: number;
  supersedes: string | null;
  as_of: string;
  known_at: Date;
  submitted_at: Date;
  submitted_by: ReportSubmitted['data']['submittedBy'];
  figures: Record<string, number | null>;
  employer_registry: ReportSubmitted['data']['employerRegistry'];
  event_id: string;
  latest_report_id: string;
}

/** A report as submitted, or null for one never submitted. */
export const readSubmission = async (pool: Pool, reportId: string) =>
  (await pool.query<SubmissionRow>(READ_SUBMISSION, [reportId])).rows[0] ?? null;

/** The latest version of each given unit's report for the period, by unit. */
export const latestSubmissions = async (
  pool: Pool,
  orgUnitIds: string[],
  period: ReportPeriod,
): Promise<Map<string, SubmissionRow>> => {
  const { rows } = await pool.query<SubmissionRow>(LATEST_SUBMISSIONS, [
    orgUnitIds,
    period.kind,
    period.value,
  ]);

  return new Map(rows.map((row) => [row.org_unit_id, row]));
};

/** A submission's state as the unit above reads it. */
export const submissionState = (row: SubmissionRow) => ({
  reportId: row.report_id,
  version: row.version,
  submittedAt: row.submitted_at.toISOString(),
  knownAt: row.known_at.toISOString(),
  submittedBy: row.submitted_by,
});
