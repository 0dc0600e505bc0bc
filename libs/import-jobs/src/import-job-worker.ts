import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

import { DomainError } from '@taizhang/domain';
import { poolOf } from '@taizhang/event-store';

import { ImportJobErrorCode, STATES_BEFORE } from './import-job.state';
import type { ImportJobsOptions } from './import-jobs.options';
import { IMPORT_JOBS_OPTIONS, importJobsDefaults } from './import-jobs.options';
import { CLAIM_JOB, FAIL_JOB, TRY_LOCK_JOB, UNFINISHED_JOBS, UNLOCK_JOB } from './import-jobs.sql';
import { ImportJobKinds } from './import-job-kinds';
import type { ClaimedJob } from './run-import-job';
import { runImportJob } from './run-import-job';

const OUTAGE = {
  code: ImportJobErrorCode.Failed,
  en: 'The import stopped on an outage and was given up after several tries; upload the sheet again.',
  zh: '导入因系统故障多次中断，已停止；请重新上传文件。',
};

/**
 * Takes queued jobs, and running ones whose worker is gone (a restart), and runs them: one
 * instance per job, by an advisory lock held on a session of the worker's own for as long as the
 * job runs. On shutdown it stops its jobs between batches; they stay running for the next worker.
 */
@Injectable()
export class ImportJobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImportJobWorker.name);
  private readonly pool: Pool;
  private readonly options: Required<ImportJobsOptions>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private timer?: NodeJS.Timeout;
  private polling: Promise<void> | null = null;
  private pollAgain = false;

  constructor(
    dataSource: DataSource,
    private readonly kinds: ImportJobKinds,
    @Inject(IMPORT_JOBS_OPTIONS) options: ImportJobsOptions,
  ) {
    this.pool = poolOf(dataSource);
    this.options = importJobsDefaults(options);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.poke(), this.options.pollMs);
    this.timer.unref();
    this.poke();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort(new Error('The service is stopping.'));
    await this.polling;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Looks for jobs now (a job was just queued, or one ended). */
  poke(): void {
    if (this.stopping.signal.aborted) return;
    if (this.polling) {
      this.pollAgain = true;

      return;
    }
    this.polling = this.takeJobs()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not look for import jobs'))
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poke();
        }
      });
  }

  private async takeJobs(): Promise<void> {
    if (this.running.size >= this.options.concurrency) return;
    const { rows } = await this.pool.query<{ id: string }>(UNFINISHED_JOBS, [
      STATES_BEFORE.claim,
      this.kinds.names(),
      this.options.concurrency * 4,
    ]);
    for (const { id } of rows) {
      if (this.running.size >= this.options.concurrency || this.stopping.signal.aborted) return;
      if (!this.running.has(id)) await this.tryToRun(id);
    }
  }

  private async tryToRun(id: string): Promise<void> {
    const session = await this.pool.connect();
    try {
      const { rows } = await session.query<{ locked: boolean }>(TRY_LOCK_JOB, [id]);
      if (!rows[0]!.locked) return session.release();
      const claimed = await session.query<ClaimedJob & { kind: string; runs: number }>(CLAIM_JOB, [
        id,
        STATES_BEFORE.claim,
      ]);
      const job = claimed.rows[0];
      // Finished by another worker between the look and the lock.
      if (!job) return await this.release(session, id);
      const run = this.run({ ...job, id })
        .catch((error: unknown) => this.logger.error({ err: error, jobId: id }, 'Import job'))
        .finally(() => this.release(session, id))
        .finally(() => {
          this.running.delete(id);
          this.poke();
        });
      this.running.set(id, run);
    } catch (error) {
      session.release(error instanceof Error ? error : true);
      throw error;
    }
  }

  private async run(job: ClaimedJob & { kind: string; runs: number }): Promise<void> {
    const signal = this.stopping.signal;
    try {
      await runImportJob(this.pool, this.kinds.get(job.kind), job, signal);
    } catch (error) {
      // Stopped with the service: the next worker resumes it.
      if (signal.aborted) return;
      if (error instanceof DomainError) return this.fail(job.id, error);
      this.logger.warn({ err: error, jobId: job.id, runs: job.runs }, 'An import job was interrupted');
      if (job.runs >= this.options.maxRuns) await this.fail(job.id, OUTAGE);
    }
  }

  private async fail(id: string, { code, en, zh }: { code: string; en: string; zh: string }) {
    await this.pool.query(FAIL_JOB, [id, JSON.stringify({ code, en, zh }), STATES_BEFORE.fail]);
  }

  private async release(session: PoolClient, id: string): Promise<void> {
    try {
      await session.query(UNLOCK_JOB, [id]);
      session.release();
    } catch (error) {
      // A session that cannot unlock is dropped: its lock goes with it.
      session.release(error instanceof Error ? error : true);
    }
  }
}
