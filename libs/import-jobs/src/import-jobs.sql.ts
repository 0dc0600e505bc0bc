/** A new job, queued. */
const PROGRESS_COLUMNS = `id, kind, org_path, state, rows_read, recorded, already, rejected, error,
  created_at, started_at, finished_at`;

/** Queues a job and answers it as queued (a worker may take it the moment it is committed). */
export const INSERT_JOB = `
  INSERT INTO import_jobs (id, kind, org_path, params, caller, metadata, workbook, state)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued')
  RETURNING ${PROGRESS_COLUMNS}`;

/** A job's progress (never its workbook). */
export const READ_PROGRESS = `SELECT ${PROGRESS_COLUMNS} FROM import_jobs WHERE id = $1`;

/** The oldest jobs a worker may take ($1: the states STATES_BEFORE.claim lists). */
export const UNFINISHED_JOBS = `
  SELECT id FROM import_jobs WHERE state = ANY($1) AND kind = ANY($2)
   ORDER BY created_at LIMIT $3`;

// One lock per job, on a session of the worker's own: it ends with the session, so a job whose
// worker died is free at once. Not FOR UPDATE: a row lock needs a transaction open for the whole
// job, which would hold back the outbox relay's horizon (ADR 0001) for minutes.
export const TRY_LOCK_JOB = `SELECT pg_try_advisory_lock(hashtext('import-job'), hashtext($1)) AS locked`;
export const UNLOCK_JOB = `SELECT pg_advisory_unlock(hashtext('import-job'), hashtext($1))`;

/** Takes a job under its lock ($2: the states it may be taken from). */
export const CLAIM_JOB = `
  UPDATE import_jobs
     SET state = 'running', started_at = coalesce(started_at, now()), runs = runs + 1,
         updated_at = now()
   WHERE id = $1 AND state = ANY($2)
  RETURNING kind, params, caller, metadata, workbook, runs`;

/** The rows whose outcome the job has stored: a resumed job skips them. */
export const READ_ROWS = `
  SELECT row, outcome, record_id, label, reasons FROM import_job_rows
   WHERE job_id = $1 ORDER BY row`;

/**
 * Stores outcomes ($2: a JSON array of rows) and moves the counters by what was new: a row
 * stored before (a resumed job reading it again) counts once.
 */
export const STORE_ROWS = `
  WITH added AS (
    INSERT INTO import_job_rows (job_id, row, outcome, record_id, label, reasons)
    SELECT $1, r.row, r.outcome, r.record_id, r.label, r.reasons
      FROM jsonb_to_recordset($2::jsonb)
        AS r(row integer, outcome text, record_id text, label text, reasons jsonb)
    ON CONFLICT (job_id, row) DO NOTHING
    RETURNING outcome)
  UPDATE import_jobs
     SET rows_read = greatest(rows_read, $3),
         recorded = recorded + (SELECT count(*) FROM added WHERE outcome = 'recorded'),
         already = already + (SELECT count(*) FROM added WHERE outcome = 'already'),
         rejected = rejected + (SELECT count(*) FROM added WHERE outcome = 'rejected'),
         updated_at = now()
   WHERE id = $1`;

/** The last step ($3: the states it may finish from). */
export const FINISH_JOB = `
  UPDATE import_jobs
     SET state = 'done', rows_read = $2, finished_at = now(), updated_at = now()
   WHERE id = $1 AND state = ANY($3)`;

export const FAIL_JOB = `
  UPDATE import_jobs
     SET state = 'failed', error = $2, finished_at = now(), updated_at = now()
   WHERE id = $1 AND state = ANY($3)`;

/** The uploaded workbook and its kind, for the sheet of refused rows. */
export const READ_WORKBOOK = `SELECT kind, workbook FROM import_jobs WHERE id = $1`;

/** The refused rows' reasons, by row. */
export const READ_REJECTED = `
  SELECT row, reasons FROM import_job_rows
   WHERE job_id = $1 AND outcome = 'rejected' ORDER BY row`;
