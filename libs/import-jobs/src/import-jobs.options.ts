/** How a service runs its import jobs; every number has a default. */
export interface ImportJobsOptions {
  /** How often a worker looks for jobs to take (new ones are taken at once), ms: 2,000. */
  pollMs?: number;
  /** How often a followed job's progress is read for its event stream, ms: 250. */
  followMs?: number;
  /** Jobs one instance runs at once: 1 (each holds a database session for its lock). */
  concurrency?: number;
  /** Runs a job may take before an outage (not a refusal) fails it: 3. */
  maxRuns?: number;
}

export const IMPORT_JOBS_OPTIONS = Symbol('IMPORT_JOBS_OPTIONS');

export const importJobsDefaults = (options: ImportJobsOptions): Required<ImportJobsOptions> => ({
  pollMs: options.pollMs ?? 2_000,
  followMs: options.followMs ?? 250,
  concurrency: options.concurrency ?? 1,
  maxRuns: options.maxRuns ?? 3,
});
