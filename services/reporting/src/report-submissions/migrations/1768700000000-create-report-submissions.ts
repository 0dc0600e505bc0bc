import { sqlMigration } from '@taizhang/bootstrap';

/**
 * 报表报送: every report submitted (each version of a unit's period), as its `ReportSubmitted`
 * says, written in the transaction that appends the event (so the row and the event commit
 * together): a report by its id, and a unit's children's state for a period, without folding
 * streams. The figures are the frozen snapshot, as the event carries them.
 */
export const CreateReportSubmissions1768700000000 = sqlMigration(
  'CreateReportSubmissions1768700000000',
  {
    up: [
      `CREATE TABLE report_submissions (
        report_id         text        PRIMARY KEY,
        org_unit_id       text        NOT NULL,
        period_kind       text        NOT NULL,
        period_value      text        NOT NULL,
        version           integer     NOT NULL,
        supersedes        text,
        as_of             date        NOT NULL,
        known_at          timestamptz NOT NULL,
        submitted_at      timestamptz NOT NULL,
        submitted_by      json        NOT NULL,
        figures           json        NOT NULL,
        employer_registry json        NOT NULL,
        event_id          text        NOT NULL,
        UNIQUE (org_unit_id, period_kind, period_value, version)
      )`,
    ],
    down: ['DROP TABLE report_submissions'],
  },
);
