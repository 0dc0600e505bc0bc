import type { Pool } from 'pg';

import type { Caller } from '@taizhang/auth';
import type { CommandMetadata } from '@taizhang/event-store';
import type { RejectedRow } from '@taizhang/sheets';
import { runImport } from '@taizhang/sheets';

import type { AnyImportJobKind, ImportJobContext, ImportRowOutcome } from './import-job-kind';
import { STATES_BEFORE } from './import-job.state';
import { FINISH_JOB } from './import-jobs.sql';
import { JobRowWriter, readStoredRows } from './job-rows';

/** A job as its worker claimed it. */
export interface ClaimedJob {
  id: string;
  params: Record<string, string>;
  caller: Caller & { id: string };
  /** The upload's metadata: `now` (ISO), actor and correlation. */
  metadata: Omit<CommandMetadata, 'now'> & { now: string };
  workbook: Buffer;
}

/** The Idempotency-Key of a row of a job: the same on every run of it. */
export const rowCommandId = (jobId: string, row: number): string => `import-${jobId}-row-${row}`;

export const contextOf = (job: ClaimedJob): ImportJobContext => ({
  id: job.id,
  caller: job.caller,
  params: job.params,
  metadataOf: (row, occurredAt) => ({
    ...job.metadata,
    now: new Date(job.metadata.now),
    commandId: rowCommandId(job.id, row),
    commandTarget: `IMPORT ${job.id}`,
    occurredAt,
  }),
});

/**
 * Runs a claimed job to its end, or until `signal` stops it (then it stays running, for a worker
 * to resume). A resumed run reads the sheet from the top again: every row is prepared (so the
 * first of two duplicates still wins), and the rows whose outcome is stored are not recorded
 * again. A row recorded whose outcome was not stored yet runs again under the same
 * Idempotency-Key: the store answers its first answer, and it counts as recorded once.
 */
export const runImportJob = async (
  pool: Pool,
  kind: AnyImportJobKind,
  job: ClaimedJob,
  signal: AbortSignal,
): Promise<void> => {
  const done = new Set((await readStoredRows(pool, job.id)).map(({ row }) => row));
  const rows = new JobRowWriter(pool, job.id);
  const recorder = await kind.start(contextOf(job));
  const rejected = (outcome: { rejected: RejectedRow }) => {
    if (!done.has(outcome.rejected.row)) rows.add(outcome);

    return outcome;
  };
  try {
    await runImport(job.workbook, {
      layout: kind.layout,
      batchRows: kind.batchRows,
      inFlight: kind.inFlight,
      signal,
      prepare: (sheetRow) => {
        rows.read();
        const prepared = recorder.prepare(sheetRow) as
          | { rejected: RejectedRow }
          | { prepared: { row: number } };

        return 'rejected' in prepared ? rejected(prepared) : prepared;
      },
      record: async (batch: { row: number }[]): Promise<ImportRowOutcome[]> => {
        const fresh = batch.filter(({ row }) => !done.has(row));
        if (fresh.length === 0) return [];
        const outcomes = await recorder.record(fresh);
        outcomes.forEach((outcome) => rows.add(outcome));
        await rows.flushSometimes();

        return outcomes;
      },
      pastLastRow: (row, reason) => rejected({ rejected: { row, label: null, reasons: [reason] } }).rejected,
    });
  } finally {
    await rows.flush();
  }
  await pool.query(FINISH_JOB, [job.id, rows.rows, STATES_BEFORE.finish]);
};
