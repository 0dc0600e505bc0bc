import type { Pool } from 'pg';

import type { ImportResult, ImportReason } from '@taizhang/sheets';

import type { ImportRowOutcome } from './import-job-kind';
import { READ_ROWS, STORE_ROWS } from './import-jobs.sql';

/** A row's outcome as `import_job_rows` keeps it. */
export interface StoredRow {
  row: number;
  outcome: 'recorded' | 'already' | 'rejected';
  record_id: string | null;
  label: string | null;
  reasons: ImportReason[] | null;
}

export const storedRowOf = (outcome: ImportRowOutcome): StoredRow => {
  if ('recorded' in outcome)
    return { ...NONE, row: outcome.recorded.row, outcome: 'recorded', record_id: outcome.recorded.id };
  if ('already' in outcome)
    return { ...NONE, row: outcome.already.row, outcome: 'already', record_id: outcome.already.id };
  const { row, label, reasons } = outcome.rejected;

  return { row, outcome: 'rejected', record_id: null, label, reasons };
};

const NONE = { record_id: null, label: null, reasons: null };

export const readStoredRows = async (pool: Pool, jobId: string): Promise<StoredRow[]> =>
  (await pool.query<StoredRow>(READ_ROWS, [jobId])).rows;

/** The answer of a finished job, from the outcomes it stored (over every run of it). */
export const resultOf = (rows: number, stored: readonly StoredRow[]): ImportResult => {
  const result: ImportResult = { rows, recorded: 0, created: [], already: [], rejected: [] };
  for (const { row, outcome, record_id, label, reasons } of stored)
    if (outcome === 'rejected') result.rejected.push({ row, label, reasons: reasons ?? [] });
    else result[outcome === 'recorded' ? 'created' : 'already'].push({ row, id: record_id ?? '' });
  result.recorded = result.created.length;

  return result;
};

/**
 * The outcomes of a running job, stored as it goes: every FLUSH_ROWS outcomes or FLUSH_MS, and
 * at the end, one statement at a time, so that progress is seen without a write per row.
 */
export class JobRowWriter {
  private pending: StoredRow[] = [];
  private rowsRead = 0;
  private storedRowsRead = 0;
  private lastFlush = Date.now();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly jobId: string,
    private readonly every = { rows: 500, ms: 300 },
  ) {}

  get rows(): number {
    return this.rowsRead;
  }

  read(): void {
    this.rowsRead += 1;
  }

  add(outcome: ImportRowOutcome): void {
    this.pending.push(storedRowOf(outcome));
  }

  async flushSometimes(): Promise<void> {
    if (this.pending.length >= this.every.rows || Date.now() - this.lastFlush >= this.every.ms)
      await this.flush();
  }

  flush(): Promise<void> {
    const rows = this.pending;
    const rowsRead = this.rowsRead;
    this.pending = [];
    this.lastFlush = Date.now();
    if (rows.length === 0 && rowsRead === this.storedRowsRead) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      await this.pool.query(STORE_ROWS, [this.jobId, JSON.stringify(rows), rowsRead]);
      this.storedRowsRead = rowsRead;
    });

    return this.flushing;
  }
}
