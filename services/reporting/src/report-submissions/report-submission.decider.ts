import type { ReportingEvent, ReportSubmitted } from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, unknownCommand } from '@taizhang/event-store';

import { hasEnded, lastDayOf } from './report-period';
import type { ReportSubmissionCommand, SubmitReport } from './report-submission.commands';
import type { ReportSubmissions } from './report-submission.state';
import { initialState } from './report-submission.state';

export { initialState };

/** Streets and districts report to the federation above; a union or the city submits nothing. */
export const SUBMITTING_KINDS: readonly string[] = ['street', 'district'];

export const evolve = (state: ReportSubmissions, event: ReportingEvent): ReportSubmissions => {
  switch (event.type) {
    case 'ReportSubmitted':
      return {
        status: 'Submitted',
        latestReportId: event.data.reportId,
        version: event.data.version,
        submittedAt: event.data.submittedAt,
      };
    default:
      return state;
  }
};

/** The first submission of the period, or a correction 更正 superseding the latest one. */
export const submitReport = (command: SubmitReport, state: ReportSubmissions): ReportSubmitted => {
  const { reportId, unit, period, figures, employerRegistry, submittedBy } = command.data;
  const { now } = command.metadata;
  if (!SUBMITTING_KINDS.includes(unit.kind))
    throw new IllegalStateError(
      {
        en: `Only a street or district federation submits reports upward, not a ${unit.kind} unit.`,
        zh: '只有街道（乡镇）和区县总工会向上级报送报表。',
      },
      'REPORT_UNIT_NOT_SUBMITTING',
      { kind: unit.kind },
    );
  if (!hasEnded(period, businessDate(now)))
    throw new IllegalStateError(
      {
        en: `The period ${period.value} has not ended yet; it can be reported from the day after ${lastDayOf(period)}.`,
        zh: `统计期${period.value}尚未结束，${lastDayOf(period)}之后方可报送。`,
      },
      'REPORT_PERIOD_NOT_ENDED',
      { period: period.value, lastDay: lastDayOf(period) },
    );
  const instant = now.toISOString();

  return {
    type: 'ReportSubmitted',
    data: {
      reportId,
      orgUnitId: unit.orgUnitId,
      period,
      asOf: lastDayOf(period),
      knownAt: instant,
      figures,
      employerRegistry,
      submittedBy,
      submittedAt: instant,
      version: state.status === 'Submitted' ? state.version + 1 : 1,
      supersedes: state.status === 'Submitted' ? state.latestReportId : null,
    },
  };
};

export const decide = (
  command: ReportSubmissionCommand,
  state: ReportSubmissions,
): ReportSubmitted => {
  switch (command.type) {
    case 'SubmitReport':
      return submitReport(command, state);
    default:
      // One command: its type, not the command, narrows to never here.
      return unknownCommand(command.type);
  }
};

export const reportSubmissionDecider: Decider<
  ReportSubmissions,
  ReportSubmissionCommand,
  ReportingEvent
> = { decide, evolve, initialState };
