import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Kafka } from 'kafkajs';

import type { EncryptedValue } from '@taizhang/contracts';
import {
  checkpointTopic,
  organisationRegistry,
  TOPIC_PARTITIONS,
  Topics,
} from '@taizhang/contracts';
import type { Command, Decider, DomainEvent } from '@taizhang/event-store';
import {
  checkpointFile,
  eventStoreMigrations,
  handleCommands,
  OutboxRelay,
  PostgresEventStore,
  takeCheckpoint,
} from '@taizhang/event-store';
import { createIdempotentProducer } from '@taizhang/messaging';
import { createTestDatabase, createTestEventKeys, createTestTopics } from '@taizhang/testing';

import { readTopicUpTo, topicEnds } from '../audit/read-topic';
import { describeVerification, isBroken, verifyStore } from '../audit/verify-stores';

export interface VerifyFigures {
  events: number;
  streams: number;
  /** `npm run audit -- verify` for the one service, from start to its answer. */
  verifySeconds: number;
  /** Of which: the walk over every event (hash chains, checkpoint, topic comparison). */
  walkSeconds: number;
  /** Of which: before the walk (key, checkpoints, every topic message read and its signature checked). */
  beforeWalkSeconds: number;
  selectRowsPerSecond: number;
  consumerMessagesPerSecond: number;
}

/** A member's life in four events, the shape of organisation's member streams. */
const EVENTS_PER_MEMBER = 4;
/** Commands per `handleCommands` call, each on its own member's stream: one transaction. */
const COMMANDS_PER_BATCH = 1_000;
const UNIONS = 500;
/** The batch verify reads the store in (`verifyIntegrity`'s). */
const VERIFY_BATCH = 5_000;

interface MemberStep {
  memberId: string;
  unionId: string;
  toUnionId: string;
  personal: { idCardNumber: EncryptedValue; phone: EncryptedValue; birthDate: EncryptedValue };
}

type Step = Command<'RecordMemberStep', MemberStep>;

// As organisation writes them: personal data encrypted under the person's key (AES-256-GCM).
const encrypted = (keyId: string, plainBytes: number): EncryptedValue => ({
  alg: 'A256GCM',
  keyId,
  iv: randomBytes(12).toString('base64'),
  ct: randomBytes(plainBytes + 16).toString('base64'),
});

// Joined, transferred, retained, left: one event per command, the next one of the member's life.
const memberLife: Decider<number, Step, DomainEvent> = {
  initialState: () => 0,
  evolve: (version) => version + 1,
  decide: ({ data }, version) => {
    const { memberId, unionId, toUnionId } = data;
    switch (version) {
      case 0:
        return {
          type: 'MemberJoined',
          data: {
            memberId,
            unionId,
            name: '李建国',
            gender: 'male',
            joinedOn: '2019-03-15',
            ...data.personal,
            employerId: `employer-${unionId}`,
            employmentForm: 'regular',
            migrantWorker: false,
            channel: 'individual',
          },
        };
      case 1:
        return {
          type: 'MemberTransferred',
          data: {
            memberId,
            fromUnionId: unionId,
            toUnionId,
            transferredOn: '2021-06-01',
            joinedOn: '2019-03-15',
            gender: 'male',
            employmentForm: 'regular',
            migrantWorker: false,
          },
        };
      case 2:
        return {
          type: 'MembershipRetained',
          data: {
            memberId,
            unionId: toUnionId,
            reason: 'retired',
            heldBy: 'union',
            heldByOrgUnitId: toUnionId,
            since: '2024-01-01',
          },
        };
      default:
        return {
          type: 'MemberLeft',
          data: { memberId, unionId: toUnionId, reason: '本人申请', leftOn: '2025-01-01' },
        };
    }
  },
};

const unionOf = (id: string) => ({ id, path: `bench-city/bench-district/${id}` });

/**
 * `count` events in member streams of four, appended as organisation appends them: round after
 * round, each member's next event, a thousand members per transaction, so every stream's chain
 * runs across transactions.
 */
const seedMembers = async (store: PostgresEventStore, count: number): Promise<number> => {
  const members = Math.ceil(count / EVENTS_PER_MEMBER);
  const steps: MemberStep[] = Array.from({ length: members }, (_, i) => {
    const keyId = randomUUID();

    return {
      memberId: randomUUID(),
      unionId: `union-${i % UNIONS}`,
      toUnionId: `union-${(i + 1) % UNIONS}`,
      personal: {
        idCardNumber: encrypted(keyId, 18),
        phone: encrypted(keyId, 11),
        birthDate: encrypted(keyId, 10),
      },
    };
  });
  for (let round = 0; round < EVENTS_PER_MEMBER; round += 1) {
    const inRound = steps.slice(0, Math.min(members, count - round * members));
    const batches: MemberStep[][] = [];
    for (let first = 0; first < inRound.length; first += COMMANDS_PER_BATCH)
      batches.push(inRound.slice(first, first + COMMANDS_PER_BATCH));
    // Two transactions at a time: different members, so they never wait for each other.
    for (let i = 0; i < batches.length; i += 2)
      await Promise.all(
        batches.slice(i, i + 2).map(async (batch) => {
          const outcomes = await handleCommands(
            store,
            batch.map((step) => ({
              streamId: `member-${step.memberId}`,
              streamType: 'member',
              decider: memberLife,
              command: {
                type: 'RecordMemberStep' as const,
                data: step,
                metadata: {
                  now: new Date(),
                  actorId: 'bench',
                  actorRole: 'union_cadre' as const,
                  correlationId: randomUUID(),
                },
              },
              orgUnit: unionOf(round === 0 ? step.unionId : step.toUnionId),
              context: undefined,
            })),
          );
          const refused = outcomes.find((outcome) => outcome.status === 'rejected');
          if (refused) throw refused.reason;
        }),
      );
  }

  return members;
};

/** Every event row read with a plain SELECT, in verify's batch size, in position order. */
const selectAll = async (store: PostgresEventStore): Promise<number> => {
  let rows = 0;
  for (let after = '0'; ;) {
    const batch = await store.pool.query<{ position: string }>(
      `SELECT position, transaction_id, stream_id, stream_type, stream_version, event_id, type,
         schema_version, occurred_at, recorded_at, org_unit_id, org_path, data, metadata,
         prev_position, prev_hash, hash
       FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, VERIFY_BATCH],
    );
    rows += batch.rows.length;
    if (batch.rows.length < VERIFY_BATCH) return rows;
    after = batch.rows[batch.rows.length - 1]!.position;
  }
};

/** Every message of the topic read by a bare consumer with a throwaway group, as verify reads it. */
const consumeAll = async (kafka: Kafka, topic: string): Promise<number> => {
  let messages = 0;
  await readTopicUpTo(kafka, topic, await topicEnds(kafka, topic), (_partition, batch) => {
    messages += batch.length;
  });

  return messages;
};

const secondsSince = (started: number): number => (performance.now() - started) / 1000;

/**
 * The time `npm run audit -- verify` takes for organisation's store of `count` events (member
 * streams, published by the relay with signatures, checkpointed), against reading every row with
 * a plain SELECT and every message of the topic with a bare consumer.
 */
export const benchVerify = async (count: number): Promise<VerifyFigures> => {
  const [db, topics] = await Promise.all([
    createTestDatabase(eventStoreMigrations, { poolSize: 4 }),
    createTestTopics([Topics.organisation, checkpointTopic('organisation')], {
      partitions: TOPIC_PARTITIONS,
    }),
  ]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-bench-verify-'));
  try {
    const keys = createTestEventKeys('organisation');
    const topic = topics.names[Topics.organisation]!;
    const env = {
      TAIZHANG_DATA_DIR: dataDir,
      KAFKA_TOPIC_SUFFIX: topic.slice(Topics.organisation.length),
      ...keys.verifyingEnv,
    };
    const store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
    const streams = await seedMembers(store, count);
    const relay = new OutboxRelay({
      store,
      topic,
      producer: createIdempotentProducer(topics.kafka),
      signingKey: keys.privateKey,
    });
    await relay.start();
    await relay.drain(600_000);
    await relay.stop();
    const producer = createIdempotentProducer(topics.kafka);
    await producer.connect();
    await takeCheckpoint({
      service: 'organisation',
      pool: db.pool,
      signingKey: keys.privateKey,
      file: checkpointFile('organisation', env),
      publish: { producer, topic: topics.names[checkpointTopic('organisation')]! },
    });
    await producer.disconnect();

    const selectStarted = performance.now();
    const rows = await selectAll(store);
    const selectSeconds = secondsSince(selectStarted);
    const consumeStarted = performance.now();
    const messages = await consumeAll(topics.kafka, topic);
    const consumeSeconds = secondsSince(consumeStarted);

    // verify reports progress after each batch of its walk: the walk began about one batch before
    // the first report and ends at the last (a store of one batch counts as all walk).
    const reports: number[] = [];
    const verifyStarted = performance.now();
    const verified = await verifyStore(
      { service: 'organisation', name: db.name, url: db.url },
      { env, kafka: topics.kafka, onProgress: () => reports.push(performance.now()) },
    );
    const verifySeconds = secondsSince(verifyStarted);
    if (verified.outcome !== 'verified' || isBroken(verified))
      throw new Error(`verify did not find the store intact: ${describeVerification(verified)}`);
    if (verified.report.eventsChecked !== count || rows !== count || messages !== count)
      throw new Error(
        `expected ${count} events everywhere, verify checked ${verified.report.eventsChecked}, SELECT read ${rows}, the consumer ${messages}`,
      );
    const first = reports[0]!;
    const last = reports[reports.length - 1]!;
    const perBatch =
      reports.length > 1 ? (last - first) / (reports.length - 1) : last - verifyStarted;
    const walkStarted = Math.max(verifyStarted, first - perBatch);

    return {
      events: count,
      streams,
      verifySeconds,
      walkSeconds: (last - walkStarted) / 1000,
      beforeWalkSeconds: (walkStarted - verifyStarted) / 1000,
      selectRowsPerSecond: rows / selectSeconds,
      consumerMessagesPerSecond: messages / consumeSeconds,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await Promise.all([topics.delete(), db.drop()]);
  }
};
