import type { ReportPeriod, ReportSubmitted } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

/**
 * 报表报送: a street or district federation submits its statistics for a period, the figures
 * computed as known at the command's instant (`metadata.now`).
 */
export type SubmitReport = Command<
  'SubmitReport',
  {
    reportId: string;
    unit: { orgUnitId: string; kind: string };
    period: ReportPeriod;
    figures: ReportSubmitted['data']['figures'];
    employerRegistry: ReportSubmitted['data']['employerRegistry'];
    submittedBy: ReportSubmitted['data']['submittedBy'];
  }
>;

export type ReportSubmissionCommand = SubmitReport;
