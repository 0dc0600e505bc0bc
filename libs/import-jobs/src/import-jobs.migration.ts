import { sqlMigration } from '@taizhang/bootstrap';

/**
 * The jobs of sheet imports: the uploaded workbook itself (so that a restarted service resumes
 * from it), who uploaded it and for which unit, its state and counters; and one row per sheet
 * row with what became of it (recorded, already there, refused), written as the job goes.
 */
export const CreateImportJobs1767500000001 = sqlMigration('CreateImportJobs1767500000001', {
  up: [
    `CREATE TABLE import_jobs (
       id uuid PRIMARY KEY,
       kind text NOT NULL,
       org_path text NOT NULL,
       params jsonb NOT NULL,
       caller jsonb NOT NULL,
       metadata jsonb NOT NULL,
       workbook bytea NOT NULL,
       state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
       rows_read integer NOT NULL DEFAULT 0,
       recorded integer NOT NULL DEFAULT 0,
       already integer NOT NULL DEFAULT 0,
       rejected integer NOT NULL DEFAULT 0,
       runs integer NOT NULL DEFAULT 0,
       error jsonb,
       created_at timestamptz NOT NULL DEFAULT now(),
       started_at timestamptz,
       finished_at timestamptz,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    // An .xlsx is a zip already: stored as it is, out of line, never compressed again.
    'ALTER TABLE import_jobs ALTER COLUMN workbook SET STORAGE EXTERNAL',
    `CREATE INDEX import_jobs_unfinished ON import_jobs (created_at)
       WHERE state IN ('queued', 'running')`,
    `CREATE TABLE import_job_rows (
       job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
       row integer NOT NULL,
       outcome text NOT NULL CHECK (outcome IN ('recorded', 'already', 'rejected')),
       record_id text,
       label text,
       reasons jsonb,
       PRIMARY KEY (job_id, row)
     )`,
  ],
  down: ['DROP TABLE import_job_rows', 'DROP TABLE import_jobs'],
});

/** Add to a service's migrations to run its sheet imports as jobs. */
export const importJobsMigrations = [CreateImportJobs1767500000001];
