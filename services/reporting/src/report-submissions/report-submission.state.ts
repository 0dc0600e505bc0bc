/** The submissions of one unit for one period: none yet, or the latest of its versions. */
export type ReportSubmissions =
  | { status: 'NotSubmitted' }
  | { status: 'Submitted'; latestReportId: string; version: number; submittedAt: string };

export const initialState = (): ReportSubmissions => ({ status: 'NotSubmitted' });
