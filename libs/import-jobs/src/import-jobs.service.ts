import { randomUUID } from 'node:crypto';

import type { MessageEvent } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Pool } from 'pg';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';

import type { AuthenticatedUser } from '@taizhang/auth';
import { canReach } from '@taizhang/auth';
import type { CommandMetadata } from '@taizhang/event-store';
import { NotFoundError, poolOf } from '@taizhang/event-store';
import type { ImportReason, SheetLayout } from '@taizhang/sheets';
import { readSheet } from '@taizhang/sheets';

import type { ImportJob, ImportJobProgress } from './import-job.schema';
import type { ImportJobState } from './import-job.state';
import { isUnfinished } from './import-job.state';
import { ImportJobKinds } from './import-job-kinds';
import { ImportJobWorker } from './import-job-worker';
import type { ImportJobsOptions } from './import-jobs.options';
import { IMPORT_JOBS_OPTIONS, importJobsDefaults } from './import-jobs.options';
import { INSERT_JOB, READ_PROGRESS, READ_REJECTED, READ_WORKBOOK } from './import-jobs.sql';
import { readStoredRows, resultOf } from './job-rows';
import { rejectedRowsSheet } from './rejected-sheet';

/** An upload to run as a job. */
export interface JobUpload {
  caller: AuthenticatedUser;
  /** The unit the job is about: its callers and those above see the job, nobody else. */
  orgPath: string;
  /** What the route said, for the kind's `start` (e.g. `{ unionId }`). */
  params: Record<string, string>;
  workbook: Buffer;
  /** The upload request's metadata (`request.metadata()`): time, actor, correlation. */
  metadata: CommandMetadata;
}

interface ProgressRow {
  id: string;
  kind: string;
  org_path: string;
  state: ImportJobState;
  rows_read: number;
  recorded: number;
  already: number;
  rejected: number;
  error: ImportJobProgress['error'];
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const progressOf = (row: ProgressRow): ImportJobProgress => ({
  id: row.id,
  kind: row.kind,
  state: row.state,
  rows: row.rows_read,
  recorded: row.recorded,
  already: row.already,
  rejected: row.rejected,
  error: row.error,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
});

const notFound = (id: string) =>
  new NotFoundError({ en: `Import job ${id} does not exist.`, zh: '导入任务不存在。' });

// Reading to the first data row finds what makes the whole sheet unreadable: not a workbook,
// a zip bomb, headers missing.
const checkReadable = async (workbook: Buffer, layout: SheetLayout<string>): Promise<void> => {
  const rows = readSheet(workbook, layout);
  try {
    await rows.next();
  } finally {
    await rows.return(undefined);
  }
};

/**
 * Sheet imports as jobs: an upload is checked as a whole and stored, answered at once, and run
 * by a worker (`ImportJobWorker`); its progress, answer and refused rows are read by id, by the
 * uploader's unit and the units above it only.
 */
@Injectable()
export class ImportJobs {
  private readonly pool: Pool;
  private readonly followMs: number;

  constructor(
    dataSource: DataSource,
    private readonly kinds: ImportJobKinds,
    private readonly worker: ImportJobWorker,
    @Inject(IMPORT_JOBS_OPTIONS) options: ImportJobsOptions,
  ) {
    this.pool = poolOf(dataSource);
    this.followMs = importJobsDefaults(options).followMs;
  }

  /** Queues an upload: 422 for a sheet that cannot be read as a whole, before anything is stored. */
  async submit(kindName: string, upload: JobUpload): Promise<ImportJobProgress> {
    const kind = this.kinds.get(kindName);
    await checkReadable(upload.workbook, kind.layout);
    const id = randomUUID();
    const { caller, metadata } = upload;
    const queued = await this.pool.query<ProgressRow>(INSERT_JOB, [
      id,
      kind.name,
      upload.orgPath,
      JSON.stringify(upload.params),
      JSON.stringify({ id: caller.id, role: caller.role, orgPath: caller.orgPath }),
      JSON.stringify({
        now: metadata.now.toISOString(),
        actorId: metadata.actorId,
        actorRole: metadata.actorRole,
        correlationId: metadata.correlationId,
      }),
      upload.workbook,
    ]);
    this.worker.poke();

    // The job as it was queued: re-read, it could already be running.
    return progressOf(queued.rows[0]!);
  }

  /** The job as it stands, with its whole answer once done; 404 outside the caller's scope. */
  async find(user: AuthenticatedUser, id: string): Promise<ImportJob> {
    const progress = await this.progress(user, id);
    const result =
      progress.state === 'done'
        ? resultOf(progress.rows, await readStoredRows(this.pool, id))
        : null;

    return { ...progress, result };
  }

  async progress(user: AuthenticatedUser, id: string): Promise<ImportJobProgress> {
    const row = (await this.pool.query<ProgressRow>(READ_PROGRESS, [id])).rows[0];
    if (!row || !canReach(user, row.org_path)) throw notFound(id);

    return progressOf(row);
  }

  /**
   * The job's progress as server-sent events: `progress` whenever it changed, then one `done` or
   * `failed`, and the stream ends. A job that is over already answers its last event at once.
   */
  async follow(user: AuthenticatedUser, id: string): Promise<Observable<MessageEvent>> {
    const first = await this.progress(user, id);

    return new Observable<MessageEvent>((subscriber) => {
      let stopped = false;
      const watch = async () => {
        let last = '';
        for (let progress = first; !stopped;) {
          const text = JSON.stringify(progress);
          const over = !isUnfinished(progress.state);
          if (text !== last || over)
            subscriber.next({ type: over ? progress.state : 'progress', data: progress });
          last = text;
          if (over) return subscriber.complete();
          await new Promise((resolve) => setTimeout(resolve, this.followMs));
          const row = (await this.pool.query<ProgressRow>(READ_PROGRESS, [id])).rows[0]!;
          progress = progressOf(row);
        }
      };
      watch().catch((error: unknown) => subscriber.error(error));

      return () => {
        stopped = true;
      };
    });
  }

  /** The refused rows as a sheet to correct and upload again (while running: those so far). */
  async rejectedSheet(user: AuthenticatedUser, id: string): Promise<Buffer> {
    await this.progress(user, id);
    const { kind, workbook } = (
      await this.pool.query<{ kind: string; workbook: Buffer }>(READ_WORKBOOK, [id])
    ).rows[0]!;
    const rejected = await this.pool.query<{ row: number; reasons: ImportReason[] }>(
      READ_REJECTED,
      [id],
    );

    return rejectedRowsSheet(
      workbook,
      this.kinds.get(kind).layout,
      new Map(rejected.rows.map(({ row, reasons }) => [row, reasons])),
    );
  }
}
