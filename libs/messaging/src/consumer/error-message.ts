/**
 * The plain-words message of anything thrown, including the `{ status, message }` objects that
 * Nest's RPC exception filter turns errors into.
 */
export const messageOf = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error;
    if (typeof message === 'string') return message;
  }

  return JSON.stringify(error) ?? String(error);
};
