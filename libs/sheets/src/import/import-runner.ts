import type { SheetLayout, SheetRow } from '../read/sheet-reader';
import { readSheet } from '../read/sheet-reader';
import type { ImportReason } from './import-result';
import { MAX_IMPORT_ROWS, tooManyRows } from './import-result';
import { InFlightWork } from './in-flight-work';

/**
 * What became of one row: recorded now, recorded before (`already`), each with the id of what it
 * names, or refused.
 */
export type RowOutcome<TIdentified, TRejected> =
  { recorded: TIdentified } | { already: TIdentified } | { rejected: TRejected };

/** The tally of an import; `created`, `already` and `rejected` in row order. */
export interface ImportTally<TIdentified, TRejected> {
  rows: number;
  recorded: number;
  created: TIdentified[];
  already: TIdentified[];
  rejected: TRejected[];
}

/** One kind of sheet import: how its rows are laid out, checked and recorded. */
export interface SheetImport<
  TColumn extends string,
  TPrepared,
  TIdentified extends { row: number },
  TRejected extends { row: number },
> {
  layout: SheetLayout<TColumn>;
  /**
   * Each data row in sheet order, before anything is awaited (so the first row of a duplicate is
   * the one kept): refused now, or ready to record.
   */
  prepare(row: SheetRow<TColumn>): { rejected: TRejected } | { prepared: TPrepared };
  /** Records a batch of prepared rows; one outcome per row, in the batch's order. */
  record(batch: TPrepared[]): Promise<RowOutcome<TIdentified, TRejected>[]>;
  /** Prepared rows per `record` call: one transaction each, say (default 1). */
  batchRows?: number;
  /** `record` calls under way at once while the sheet is still read. */
  inFlight: number;
  /** The refusal of the first row past MAX_IMPORT_ROWS, where reading stops. */
  pastLastRow(row: number, reason: ImportReason): TRejected;
  /** Stops reading when aborted: the work under way settles, then the reason is thrown. */
  signal?: AbortSignal;
}

const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;

/**
 * Reads the first sheet of an .xlsx (size-guarded, streamed) and records its rows: at most
 * MAX_IMPORT_ROWS, `batchRows` at a time, `inFlight` batches under way while reading goes on.
 * A failure of any recording (not a refusal: an outage) is thrown, but only once all of it has
 * settled, so nothing runs on behind the answer; so is an abort of `signal`.
 */
export const runImport = async <
  TColumn extends string,
  TPrepared,
  TIdentified extends { row: number },
  TRejected extends { row: number },
>(
  workbook: Buffer,
  sheetImport: SheetImport<TColumn, TPrepared, TIdentified, TRejected>,
): Promise<ImportTally<TIdentified, TRejected>> => {
  const { layout, batchRows = 1 } = sheetImport;
  const tally: ImportTally<TIdentified, TRejected> = {
    rows: 0,
    recorded: 0,
    created: [],
    already: [],
    rejected: [],
  };
  const count = (outcome: RowOutcome<TIdentified, TRejected>): void => {
    if ('recorded' in outcome) {
      tally.recorded += 1;
      tally.created.push(outcome.recorded);
    } else if ('already' in outcome) tally.already.push(outcome.already);
    else tally.rejected.push(outcome.rejected);
  };
  const work = new InFlightWork(sheetImport.inFlight);
  let batch: TPrepared[] = [];
  const launch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await work.start(sheetImport.record(rows).then((outcomes) => outcomes.forEach(count)));
  };
  try {
    for await (const sheetRow of readSheet(workbook, layout)) {
      if (sheetImport.signal?.aborted) break;
      if (tally.rows === MAX_IMPORT_ROWS) {
        tally.rejected.push(sheetImport.pastLastRow(sheetRow.row, tooManyRows(sheetRow.row)));
        break;
      }
      tally.rows += 1;
      const prepared = sheetImport.prepare(sheetRow);
      if ('rejected' in prepared) tally.rejected.push(prepared.rejected);
      else batch.push(prepared.prepared);
      if (batch.length >= batchRows) await launch();
    }
    await launch();
    await work.end();
  } finally {
    await work.settle();
  }
  sheetImport.signal?.throwIfAborted();
  tally.created.sort(byRow);
  tally.already.sort(byRow);
  tally.rejected.sort(byRow);

  return tally;
};
