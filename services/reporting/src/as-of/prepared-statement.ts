import { createHash } from 'node:crypto';

import type { QueryConfig } from 'pg';

/**
 * A statement PostgreSQL parses and plans once per connection, then reuses: the read models'
 * large CTEs took milliseconds to plan, at every event. Named after its text, so one text is
 * one statement on every connection.
 */
export const preparedStatement = (text: string) => {
  const name = `reporting-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;

  return (values: unknown[] = []): QueryConfig => ({ name, text, values });
};
