import type { ReportSubmitted } from '@taizhang/contracts';
import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { handleCommand } from '@taizhang/event-store';

import type { SubmitReport } from './report-submission.commands';
import { reportSubmissionDecider } from './report-submission.decider';
import { INSERT_SUBMISSION } from './report-submissions.sql';

/** One stream per unit and period: its versions are the submission and its corrections. */
export const reportStreamId = (orgUnitId: string, period: SubmitReport['data']['period']) =>
  `report-${orgUnitId}-${period.kind}-${period.value}`;

/**
 * Submits a report: decides on the period's stream and, in the same transaction, writes the row
 * the queries read (`report_submissions`), from the event as appended.
 */
export const runSubmitReport = (
  store: PostgresEventStore,
  command: SubmitReport,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint: unknown },
): Promise<CommandResult> =>
  handleCommand(store, {
    streamId: reportStreamId(command.data.unit.orgUnitId, command.data.period),
    streamType: 'report',
    decider: reportSubmissionDecider,
    command,
    expectedVersion: options.expectedVersion,
    orgUnit: options.unit,
    id: command.data.reportId,
    fingerprint: options.fingerprint,
    withinTransaction: async (tx, appended) => {
      for (const event of appended) {
        const data = event.data as ReportSubmitted['data'];
        await tx.client.query(INSERT_SUBMISSION, [
          data.reportId,
          data.orgUnitId,
          data.period.kind,
          data.period.value,
          data.version,
          data.supersedes,
          data.asOf,
          data.knownAt,
          data.submittedAt,
          JSON.stringify(data.submittedBy),
          JSON.stringify(data.figures),
          JSON.stringify(data.employerRegistry),
          event.eventId,
        ]);
      }
    },
  });
