import type { Answer } from '../api/reports';
import { get } from '../api/reports';
import { authorizedPost } from '../session/session';

/** A reporting period 统计期, as reporting answers it. */
export interface ReportPeriod {
  kind: 'month' | 'year';
  value: string;
}

/** When a unit's report for the period was submitted, and by whom (its latest version). */
export interface SubmissionState {
  reportId: string;
  version: number;
  submittedAt: string;
  knownAt: string;
  submittedBy: { userId: string; username: string };
}

/** GET /reports/org-units/:id/submissions?period=: the unit's own and its children's state. */
export interface Submissions {
  orgUnitId: string;
  kind: string;
  period: ReportPeriod;
  asOf: string;
  own: SubmissionState | null;
  children: {
    orgUnitId: string;
    name: string | null;
    kind: string;
    submission: SubmissionState | null;
  }[];
  submitted: number;
  notYet: number;
}

export interface FigureChange {
  figure: string;
  then: number | null;
  now: number | null;
  change: number | null;
}

/** GET /reports/submissions/:reportId: the report as frozen, and what changed since. */
export interface SubmittedReport {
  reportId: string;
  orgUnitId: string;
  name: string | null;
  kind: string;
  period: ReportPeriod;
  asOf: string;
  knownAt: string;
  version: number;
  supersedes: string | null;
  latest: boolean;
  latestReportId: string;
  submittedBy: { userId: string; username: string };
  submittedAt: string;
  figures: Record<string, number | null>;
  checkedAt: string;
  changesSince: FigureChange[];
}

const REPORTS = '/api/reporting/reports';

export const fetchSubmissions = (
  id: string,
  period: string,
  signal?: AbortSignal,
): Promise<Answer<Submissions>> =>
  get<Submissions>(
    `${REPORTS}/org-units/${encodeURIComponent(id)}/submissions?period=${encodeURIComponent(period)}`,
    signal,
  );

export const fetchReport = (
  reportId: string,
  signal?: AbortSignal,
): Promise<Answer<SubmittedReport>> =>
  get<SubmittedReport>(`${REPORTS}/submissions/${encodeURIComponent(reportId)}`, signal);

/** Submits the unit's report for the period: its id, or the refusal's message in `lang`. */
export const submitReport = async (
  id: string,
  period: string,
  lang: string,
): Promise<{ ok: true; reportId: string } | { ok: false; message: string }> => {
  try {
    const response = await authorizedPost(
      `${REPORTS}/org-units/${encodeURIComponent(id)}/submissions`,
      { period },
    );
    const body = (await response.json().catch(() => ({}))) as {
      id?: string;
      detail?: string;
      title?: string;
      zh?: string;
      en?: string;
    };
    if (response.ok && body.id) return { ok: true, reportId: body.id };

    return {
      ok: false,
      message:
        (lang === 'en' ? body.en : body.zh) ??
        body.detail ??
        body.title ??
        `HTTP ${response.status}`,
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
};
