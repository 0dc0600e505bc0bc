import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';

import { checkpointTopic } from '@taizhang/contracts';
import { checkpointFile, takeCheckpoint } from '@taizhang/event-store';
import { createIdempotentProducer, loadEventSigningKey } from '@taizhang/messaging';

import type { ServiceDatabase } from '../postgres/databases';
import { topicOf } from './verify-stores';

export type StoreCheckpointResult =
  | { service: string; outcome: 'taken'; position: string; streams: number; file: string }
  | { service: string; outcome: 'skipped'; why: string };

const HAS_EVENT_STORE = `SELECT to_regclass('public.events') IS NOT NULL AS present`;
const MISSING_DATABASE = '3D000';

/** Takes a signed checkpoint of one service's store now, with the service's own event key. */
export const checkpointStore = async (
  database: ServiceDatabase,
  context: { env: NodeJS.ProcessEnv; kafka: Kafka },
): Promise<StoreCheckpointResult> => {
  const { service } = database;
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const producer = createIdempotentProducer(context.kafka);
  try {
    const { rows } = await pool.query<{ present: boolean }>(HAS_EVENT_STORE);
    if (!rows[0]?.present) return { service, outcome: 'skipped', why: 'it keeps no event store' };
    const key = await loadEventSigningKey(service, context.env);
    const file = checkpointFile(service, context.env);
    await producer.connect();
    const checkpoint = await takeCheckpoint({
      service,
      pool,
      signingKey: key.privateKey,
      file,
      publish: { producer, topic: topicOf(service, context.env, checkpointTopic(service)) },
    });

    return {
      service,
      outcome: 'taken',
      position: checkpoint.position,
      streams: checkpoint.streams,
      file,
    };
  } catch (error) {
    if ((error as { code?: string }).code === MISSING_DATABASE)
      return {
        service,
        outcome: 'skipped',
        why: `its database ${database.name} does not exist yet`,
      };
    throw error;
  } finally {
    await producer.disconnect();
    await pool.end();
  }
};

export const describeCheckpoint = (result: StoreCheckpointResult): string =>
  result.outcome === 'skipped'
    ? `${result.service}: skipped, ${result.why}`
    : `${result.service}: checkpoint of ${result.streams} streams up to position ${result.position} signed, kept in ${result.file} and published`;
