import { DatabaseError } from 'pg';

import { ValidationError } from '../core/errors';

const UNIQUE_VIOLATION = '23505';
// jsonb refuses \u0000 and lone surrogates; text refuses bytes that are not UTF-8.
const UNSTORABLE_TEXT = new Set(['22P05', '22021', '22P02']);

export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  error instanceof DatabaseError &&
  error.code === UNIQUE_VIOLATION &&
  (constraint === undefined || error.constraint === constraint);

/** Turns PostgreSQL's refusal of a client's text into a 400 instead of a 500. */
export const rethrowUnstorableText = (error: unknown): never => {
  if (error instanceof DatabaseError && error.code !== undefined && UNSTORABLE_TEXT.has(error.code))
    throw new ValidationError(
      'The request contains characters that cannot be stored (a NUL character or a broken Unicode sequence); remove them and send it again.',
    );
  throw error;
};
