import type { SheetLayout, SheetRow } from '../read/sheet-reader';
import { readSheet } from '../read/sheet-reader';
import type { ImportReason } from './import-result';
import { MAX_IMPORT_ROWS, tooManyRows } from './import-result';
import { InFlightWork } from './in-flight-work';

/** What became of one row: recorded now, recorded before (`already`), or refused. */
export type RowOutcome<TAlready, TRejected> =
  { recorded: true } | { already: TAlready } | { rejected: TRejected };

/** The tally of an import; `already` and `rejected` in row order. */
export interface ImportTally<TAlready, TRejected> {
  rows: number;
  recorded: number;
  already: TAlready[];
  rejected: TRejected[];
}

/** One kind of sheet import: how its rows are laid out, checked and recorded. */
export interface SheetImport<
  TColumn extends string,
  TPrepared,
  TAlready extends { row: number },
  TRejected extends { row: number },
> {
  layout: SheetLayout<TColumn>;
  /**
   * Each data row in sheet order, before anything is awaited (so the first row of a duplicate is
   * the one kept): refused now, or ready to record.
   */
  prepare(row: SheetRow<TColumn>): { rejected: TRejected } | { prepared: TPrepared };
  /** Records a batch of prepared rows; one outcome per row, in the batch's order. */
  record(batch: TPrepared[]): Promise<RowOutcome<TAlready, TRejected>[]>;
  /** Prepared rows per `record` call: one transaction each, say (default 1). */
  batchRows?: number;
  /** `record` calls under way at once while the sheet is still read. */
  inFlight: number;
  /** The refusal of the first row past MAX_IMPORT_ROWS, where reading stops. */
  pastLastRow(row: number, reason: ImportReason): TRejected;
}

const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;

/**
 * Reads the first sheet of an .xlsx (size-guarded, streamed) and records its rows: at most
 * MAX_IMPORT_ROWS, `batchRows` at a time, `inFlight` batches under way while reading goes on.
 * A failure of any recording (not a refusal: an outage) is thrown, but only once all of it has
 * settled, so nothing runs on behind the answer.
 */
export const runImport = async <
  TColumn extends string,
  TPrepared,
  TAlready extends { row: number },
  TRejected extends { row: number },
>(
  workbook: Buffer,
  sheetImport: SheetImport<TColumn, TPrepared, TAlready, TRejected>,
): Promise<ImportTally<TAlready, TRejected>> => {
  const { layout, batchRows = 1 } = sheetImport;
  const tally: ImportTally<TAlready, TRejected> = {
    rows: 0,
    recorded: 0,
    already: [],
    rejected: [],
  };
  const count = (outcome: RowOutcome<TAlready, TRejected>): void => {
    if ('recorded' in outcome) tally.recorded += 1;
    else if ('already' in outcome) tally.already.push(outcome.already);
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
  tally.already.sort(byRow);
  tally.rejected.sort(byRow);

  return tally;
};
