import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createIdempotentProducer } from '@taizhang/messaging';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  readTopicMessages,
} from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { CheckpointScheduler } from './checkpoint-scheduler';
import type { CheckpointSummary, StoreCheckpoint } from './store-checkpoint';
import { checkpointSignedBy, digestHeads } from './store-checkpoint';

describe('CheckpointScheduler', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let dir: string;

  beforeAll(async () => {
    [db, topics] = await Promise.all([
      createTestDatabase(eventStoreMigrations),
      createTestTopics(['checkpoints'], { partitions: 1 }),
    ]);
    dir = mkdtempSync(path.join(tmpdir(), 'taizhang-checkpoints-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([db.drop(), topics.delete()]);
  });

  it('keeps every stream head, signed with the service key, in the data folder and on its topic', async () => {
    const store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
    const streams = [`counter-${randomUUID()}`, `counter-${randomUUID()}`];
    for (const streamId of [...streams, streams[0]!])
      await handleCommand(store, {
        streamId,
        streamType: 'counter',
        decider: counterDecider,
        command: increment(1),
        orgUnit,
      });
    const keys = createTestEventKeys('test');
    const file = path.join(dir, 'test.json');
    let taken: () => void;
    const first = new Promise<void>((resolve) => (taken = resolve));
    const scheduler = new CheckpointScheduler({
      service: 'test',
      pool: db.pool,
      signingKey: keys.privateKey,
      file,
      publish: {
        producer: createIdempotentProducer(topics.kafka),
        topic: topics.names['checkpoints']!,
      },
      intervalMs: 3_600_000,
      logger: {
        info: (_fields, message) => message === 'Store checkpoint taken' && taken(),
        warn: () => undefined,
        error: () => undefined,
      },
    });
    scheduler.start();
    await first;
    await scheduler.stop();

    const kept = JSON.parse(readFileSync(file, 'utf8')) as StoreCheckpoint;
    const heads = (await store.readStreams(streams)).entries();
    expect(kept.heads).toEqual(
      [...heads]
        .map(([streamId, events]) => {
          const last = events[events.length - 1]!;

          return [streamId, last.streamVersion, last.position, last.hash];
        })
        .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    );
    expect(kept).toMatchObject({ service: 'test', position: '3', streams: 2 });
    expect(checkpointSignedBy(kept, keys.publicKey)).toBe(true);
    expect(digestHeads(kept.heads)).toBe(kept.headsDigest);
    const [published] = await readTopicMessages(topics.kafka, topics.names['checkpoints']!, 1);
    const summary = JSON.parse(published!.value!) as CheckpointSummary;
    const { heads: _heads, ...signed } = kept;
    expect(summary).toEqual(signed);
    expect(checkpointSignedBy({ ...summary, position: '2' }, keys.publicKey)).toBe(false);
  });
});
