import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';

import type { CheckpointHead, StoreCheckpoint } from './store-checkpoint';
import { signCheckpoint, summaryOf } from './store-checkpoint';

export interface TakeCheckpointOptions {
  service: string;
  pool: Pool;
  signingKey: KeyObject;
  /** The file the latest checkpoint is kept in (`checkpointFile(service)`). */
  file: string;
  /** Where the signed summary is published (`taizhang.<service>.checkpoints.v1`), if anywhere. */
  publish?: { producer: Producer; topic: string };
  now?: () => Date;
}

// One snapshot: the heads and the position agree with each other.
const READ_HEADS = `
  SELECT stream_id, version, last_position::text AS last_position, last_hash
  FROM streams ORDER BY stream_id COLLATE "C"`;
const READ_POSITION = `SELECT coalesce(max(position), 0)::text AS position FROM events`;

/**
 * Reads every stream head and the store's position in one snapshot, signs them with the service's
 * event key and keeps the checkpoint outside PostgreSQL: written whole to `file` (renamed into
 * place) and its summary published on the checkpoint topic. `npm run audit -- verify` then finds
 * a stream deleted, shortened or whose last event was rewritten since.
 */
export const takeCheckpoint = async (options: TakeCheckpointOptions): Promise<StoreCheckpoint> => {
  const client = await options.pool.connect();
  let heads: CheckpointHead[];
  let position: string;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const rows = await client.query<{
      stream_id: string;
      version: number;
      last_position: string;
      last_hash: string;
    }>(READ_HEADS);
    position = (await client.query<{ position: string }>(READ_POSITION)).rows[0]!.position;
    await client.query('COMMIT');
    heads = rows.rows.map((r) => [r.stream_id, r.version, r.last_position, r.last_hash]);
  } finally {
    client.release();
  }
  const checkpoint = signCheckpoint(
    {
      service: options.service,
      takenAt: (options.now?.() ?? new Date()).toISOString(),
      position,
      heads,
    },
    options.signingKey,
  );
  await mkdir(path.dirname(options.file), { recursive: true, mode: 0o700 });
  const temporary = `${options.file}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(checkpoint), { mode: 0o600 });
  await rename(temporary, options.file);
  if (options.publish)
    await options.publish.producer.send({
      topic: options.publish.topic,
      acks: -1,
      messages: [{ key: options.service, value: JSON.stringify(summaryOf(checkpoint)) }],
    });

  return checkpoint;
};
