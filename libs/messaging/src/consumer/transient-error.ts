// SQLSTATE classes and codes that say the database, not the event, is the problem: connection
// exceptions (08), insufficient resources (53), operator intervention (57P01–57P03).
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123])/;
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

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
