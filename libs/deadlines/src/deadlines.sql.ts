/** A deadline starts, or starts again: a new due date, neither settled nor handled. */
export const START_DEADLINE = `
  INSERT INTO deadlines (clock, key, due_on, data, started_by) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (clock, key) DO UPDATE SET
    due_on = EXCLUDED.due_on, data = EXCLUDED.data, started_by = EXCLUDED.started_by,
    settled_by = NULL, handled_at = NULL, outcome = NULL`;

export const SETTLE_DEADLINE = `
  UPDATE deadlines SET settled_by = $3 WHERE clock = $1 AND key = $2 AND settled_by IS NULL`;

/** What one clock has due on business date `$2`, oldest first. */
export const DUE_DEADLINES = `
  SELECT key FROM deadlines
  WHERE clock = $1 AND settled_by IS NULL AND handled_at IS NULL AND due_on <= $2::date
  ORDER BY due_on, key
  LIMIT $3`;

/**
 * Claims one deadline for the claiming transaction, or answers false at once when another holds
 * it. An advisory lock rather than `FOR UPDATE`: a row lock would give the claim a transaction id
 * that holds back every local projection of the database while the command runs. The two-key
 * form keeps apart from the one-key locks of the outbox relay.
 */
export const CLAIM_DEADLINE = `
  SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS claimed`;

/** The claimed deadline, read after the claim: still due, not settled, not handled since. */
export const READ_CLAIMED_DEADLINE = `
  SELECT key, due_on::text AS due_on, data, started_by FROM deadlines
  WHERE clock = $1 AND key = $2 AND settled_by IS NULL AND handled_at IS NULL
    AND due_on <= $3::date`;

export const MARK_HANDLED = `
  UPDATE deadlines SET handled_at = $4, outcome = $5
  WHERE clock = $1 AND key = $2 AND started_by = $3`;
