// SQLSTATE classes and codes that say the database, not the event, is the problem: connection
// exceptions (08), insufficient resources (53), operator intervention (57P01–57P03).
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123])/;
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// PostgreSQL rolled the transaction back because of other transactions, not because of what it
// did: a serialization failure (40001), a deadlock (40P01), a lock not available (55P03).
const CONCURRENCY_SQLSTATE = new Set(['40001', '40P01', '55P03']);

const sqlStateOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Whether a failure lies in the infrastructure (PostgreSQL unreachable or shutting down) rather
 * than in the event or the handler. Such a message is retried later and never dead-lettered:
 * an outage must not empty the topic into the DLQ.
 */
export const isTransientInfrastructureError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || NETWORK_ERRORS.has(code)))
    return true;

  // node-postgres reports a dropped connection without a code, and so a query on a client whose
  // connection dropped before.
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|connection error and is not queryable/i.test(message)
  );
};

/**
 * Whether PostgreSQL rolled the handler's transaction back for a conflict with other
 * transactions (deadlock, serialization failure, lock timeout): the same event succeeds once they
 * are gone, so it is retried for as long as it takes and never dead-lettered. Looks through
 * `cause` too, for handlers that wrap the driver's error.
 */
export const isTransientConcurrencyError = (error: unknown): boolean => {
  for (let seen = error, depth = 0; seen && depth < 5; depth += 1) {
    if (CONCURRENCY_SQLSTATE.has(String(sqlStateOf(seen)))) return true;
    seen = typeof seen === 'object' ? (seen as { cause?: unknown }).cause : undefined;
  }

  return false;
};
