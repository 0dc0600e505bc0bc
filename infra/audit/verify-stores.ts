import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';

import { checkpointTopic } from '@taizhang/contracts';
import type { IntegrityReport } from '@taizhang/event-store';
import { checkpointFile, verifyIntegrity } from '@taizhang/event-store';
import { eventPublicKeyFromEnv } from '@taizhang/messaging';

import type { ServiceDatabase } from '../postgres/databases';
import { latestCheckpoint } from './latest-checkpoint';
import { readPublishedEvents } from './published-events';
import { topicEnds } from './read-topic';

export type StoreVerification =
  | {
      service: string;
      outcome: 'verified';
      report: IntegrityReport;
      /** What is wrong beyond the store's positions: keys, checkpoints, the topic. */
      problems: string[];
      seconds: number;
    }
  | { service: string; outcome: 'skipped'; why: string };

export interface AuditContext {
  env: NodeJS.ProcessEnv;
  kafka: Kafka;
  onProgress?: (checked: number, total: number) => void;
}

const HAS_EVENT_STORE = `SELECT to_regclass('public.events') IS NOT NULL AS present`;
const READ_RELAY_CHECKPOINT = `
  SELECT transaction_id::text AS transaction_id, position::text AS position
  FROM relay_checkpoints WHERE relay_name = $1`;
const MISSING_DATABASE = '3D000';

/** The name a service's topic has in this deployment. */
export const topicOf = (service: string, env: NodeJS.ProcessEnv, base = `taizhang.${service}.v1`) =>
  `${base}${env['KAFKA_TOPIC_SUFFIX'] ?? ''}`;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Verifies one service's store: its hash chains, its latest signed checkpoint (no stream missing,
 * shorter or rewritten since) and its topic (every published event in the store with the same
 * hash and a valid signature; every event the relay passed on the topic). A service without a
 * store is skipped.
 */
export const verifyStore = async (
  database: ServiceDatabase,
  context: AuditContext,
): Promise<StoreVerification> => {
  const { service } = database;
  const started = performance.now();
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const { rows } = await pool.query<{ present: boolean }>(HAS_EVENT_STORE);
    if (!rows[0]?.present) return { service, outcome: 'skipped', why: 'it keeps no event store' };
    const problems: string[] = [];
    let publicKey;
    try {
      publicKey = await eventPublicKeyFromEnv(service, context.env).key();
    } catch (error) {
      problems.push(`its signatures cannot be checked: ${messageOf(error)}`);
    }
    if (!publicKey) {
      const report = await verifyIntegrity(pool, { onProgress: context.onProgress });

      return { service, outcome: 'verified', report, problems, seconds: seconds(started) };
    }
    const topic = topicOf(service, context.env);
    // In this order: what the relay passed is below the topic's ends, and every message below
    // those ends was committed before the store's snapshot is taken.
    const relay = (
      await pool.query<{ transaction_id: string; position: string }>(READ_RELAY_CHECKPOINT, [topic])
    ).rows[0];
    const ends = await topicEnds(context.kafka, topic);
    const latest = await latestCheckpoint(
      service,
      checkpointFile(service, context.env),
      publicKey,
      {
        kafka: context.kafka,
        topic: topicOf(service, context.env, checkpointTopic(service)),
      },
    );
    problems.push(...latest.problems);
    const published = await readPublishedEvents(context.kafka, topic, ends, publicKey);
    const report = await verifyIntegrity(pool, {
      checkpoint: latest.checkpoint,
      topic: {
        name: topic,
        events: published.events,
        relayCheckpoint: relay
          ? { transactionId: relay.transaction_id, position: relay.position }
          : null,
      },
      onProgress: context.onProgress,
    });
    problems.push(...published.forged.map((forged) => forged.reason));

    return { service, outcome: 'verified', report, problems, seconds: seconds(started) };
  } catch (error) {
    if ((error as { code?: string }).code === MISSING_DATABASE)
      return {
        service,
        outcome: 'skipped',
        why: `its database ${database.name} does not exist yet (run npm start first)`,
      };
    throw error;
  } finally {
    await pool.end();
  }
};

const seconds = (started: number): number => (performance.now() - started) / 1000;

export const isBroken = (result: StoreVerification): boolean =>
  result.outcome === 'verified' && (!result.report.intact || result.problems.length > 0);

const rateOf = (events: number, seconds: number): string =>
  `${Math.round(events / Math.max(seconds, 0.001)).toLocaleString('en')} events/s`;

/** One line per service, in plain words, then one per problem found. */
export const describeVerification = (result: StoreVerification): string => {
  if (result.outcome === 'skipped') return `${result.service}: skipped, ${result.why}`;
  const { report, problems } = result;
  const checked = `${report.eventsChecked} events in ${report.streamsChecked} streams verified in ${result.seconds.toFixed(1)} s (${rateOf(report.eventsChecked, result.seconds)})`;
  const extra = problems.map((problem) => `    ${problem}`);
  if (report.intact)
    return [
      `${result.service}: ${problems.length === 0 ? 'intact' : 'BROKEN'} — ${checked}`,
      ...extra,
    ].join('\n');
  const first = report.firstBreak!;

  return [
    `${result.service}: BROKEN — first broken position ${first.position} (stream ${first.streamId}): ${first.reason}`,
    ...report.breaks
      .slice(1, 10)
      .map((b) => `    also at position ${b.position} (stream ${b.streamId}): ${b.reason}`),
    ...extra,
    `    ${checked}`,
  ].join('\n');
};
