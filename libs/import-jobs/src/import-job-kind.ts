import type { Caller } from '@taizhang/auth';
import type { CommandMetadata } from '@taizhang/event-store';
import type {
  IdentifiedRow,
  RejectedRow,
  RowOutcome,
  SheetLayout,
  SheetRow,
} from '@taizhang/sheets';

/** What became of a row of a job: recorded (with the id it created), there already, refused. */
export type ImportRowOutcome = RowOutcome<IdentifiedRow, RejectedRow>;

/** One job as its kind sees it while running it. */
export interface ImportJobContext {
  id: string;
  /** Who uploaded the sheet: their scope still bounds what the rows may name. */
  caller: Caller & { id: string };
  /** What the upload's route said (e.g. `{ unionId }`). */
  params: Record<string, string>;
  /**
   * The metadata of the command of sheet row `row`: the upload's actor, time and correlation,
   * and an Idempotency-Key of the job and the row, so that a resumed job running the row again
   * gets the first answer (recorded by this job) and appends nothing.
   */
  metadataOf(row: number, occurredAt?: Date): CommandMetadata;
}

/** How a run of a job checks and records its rows (the `prepare` and `record` of `runImport`). */
export interface ImportRowRecorder<TColumn extends string, TPrepared extends { row: number }> {
  /** Every data row in sheet order, done rows too (the first of two duplicates wins). */
  prepare(row: SheetRow<TColumn>): { rejected: RejectedRow } | { prepared: TPrepared };
  /** Records a batch; one outcome per row. Only rows whose outcome is not stored yet come. */
  record(batch: TPrepared[]): Promise<ImportRowOutcome[]>;
}

/** One kind of sheet a service imports as jobs (会员花名册, 单位台账, …). */
export interface ImportJobKind<TColumn extends string, TPrepared extends { row: number }> {
  /** Stored with each job; names the kind in `GET /imports/:id`. */
  readonly name: string;
  readonly layout: SheetLayout<TColumn>;
  /** Rows per `record` call (default 1) and calls under way at once. */
  readonly batchRows?: number;
  readonly inFlight: number;
  /**
   * What a run needs before its first row, read again at every run (the union, which may have
   * been dissolved meanwhile); a DomainError thrown here fails the job with its reason.
   */
  start(job: ImportJobContext): Promise<ImportRowRecorder<TColumn, TPrepared>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportJobKind = ImportJobKind<any, any>;
