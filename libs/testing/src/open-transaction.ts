import { Client } from 'pg';

/** A session holding a transaction open with a transaction id, as another suite's would. */
export interface OpenTransaction {
  /** Commits it and ends the session. */
  end(): Promise<void>;
}

/**
 * Opens a transaction on `url` and takes a transaction id, so that it holds back the xmin horizon
 * of what it can see (a local projection must neither wait for it nor miss what commits after).
 */
export const openTransaction = async (url: string): Promise<OpenTransaction> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');

  return {
    end: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
};
