import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { z } from 'zod';

import { checkpointTopic, defineEvent, EventRegistry, Topics } from '@taizhang/contracts';
import type { StoreCheckpoint, StoredEvent } from '@taizhang/event-store';
import {
  checkpointFile,
  checkpointSignedBy,
  eventStoreMigrations,
  hashEvent,
  OutboxRelay,
  PostgresEventStore,
  takeCheckpoint,
} from '@taizhang/event-store';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { TestDatabase, TestEventKeys, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  testInfrastructure,
} from '@taizhang/testing';

import { REPO_ROOT } from '../services';
import type { AuditContext } from './verify-stores';
import { describeVerification, verifyStore } from './verify-stores';

const NotedV1 = defineEvent('Noted', 1, z.object({ text: z.string() }));
const registry = new EventRegistry([NotedV1]);
const CHECKPOINTS = checkpointTopic('organisation');

/** organisation's store with three streams of three events, published, then checkpointed. */
interface AuditedStore {
  db: TestDatabase;
  topics: TestTopics;
  store: PostgresEventStore;
  keys: TestEventKeys;
  env: Record<string, string>;
  streams: string[];
  /** The events of a stream as written, versions 1 to 3. */
  events(streamId: string): Promise<StoredEvent[]>;
  verify(): Promise<string>;
  close(): Promise<void>;
}

const auditedStore = async (): Promise<AuditedStore> => {
  const [db, topics] = await Promise.all([
    createTestDatabase(eventStoreMigrations),
    createTestTopics([Topics.organisation, CHECKPOINTS], { partitions: 3 }),
  ]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-audit-'));
  const keys = createTestEventKeys('organisation');
  const topic = topics.names[Topics.organisation]!;
  const env = {
    TAIZHANG_DATA_DIR: dataDir,
    KAFKA_TOPIC_SUFFIX: topic.slice(Topics.organisation.length),
    ...keys.verifyingEnv,
  };
  const store = new PostgresEventStore({ service: 'organisation', pool: db.pool, registry });
  const streams = ['a', 'b', 'c'].map((name) => `note-${name}-${randomUUID()}`);
  for (const text of ['一', '二', '三'])
    for (const streamId of streams)
      await store.appendToStream(streamId, [{ type: 'Noted', data: { text } }], {
        streamType: 'note',
        orgUnit: { id: 'u', path: 'm/u' },
        metadata: { now: new Date(), actorId: 'a', actorRole: 'admin', correlationId: 'c' },
      });
  const relay = new OutboxRelay({
    store,
    topic,
    signingKey: keys.privateKey,
    producer: createIdempotentProducer(topics.kafka),
  });
  await relay.start();
  await relay.drain();
  await relay.stop();
  const producer = createIdempotentProducer(topics.kafka);
  await producer.connect();
  await takeCheckpoint({
    service: 'organisation',
    pool: db.pool,
    signingKey: keys.privateKey,
    file: checkpointFile('organisation', env),
    publish: { producer, topic: topics.names[CHECKPOINTS]! },
  });
  await producer.disconnect();
  const context: AuditContext = { env, kafka: topics.kafka };

  return {
    db,
    topics,
    store,
    keys,
    env,
    streams,
    events: async (streamId) => (await store.readStream(streamId)).events,
    verify: async () =>
      describeVerification(
        await verifyStore({ service: 'organisation', name: db.name, url: db.url }, context),
      ),
    close: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await Promise.all([db.drop(), topics.delete()]);
    },
  };
};

describe('audit verify', () => {
  let audited: AuditedStore;
  let stream: string;
  let written: StoredEvent[];
  beforeEach(async () => {
    audited = await auditedStore();
    stream = audited.streams[1]!;
    written = await audited.events(stream);
  });
  afterEach(() => audited.close());

  const query = (sql: string, values: unknown[] = []) => audited.db.pool.query(sql, values);
  /** `npm run audit -- <command>` on this store alone (the other services' databases do not exist). */
  const audit = (command: string, env: Record<string, string> = {}) => {
    const nowhere = (service: string) =>
      audited.db.url.replace(audited.db.name, `taizhang_nowhere_${service}`);

    return spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/run-ts.mjs'), 'infra/audit/main.ts', command],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          ...audited.env,
          ...env,
          KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
          ORGANISATION_DATABASE_URL: audited.db.url,
          GATEWAY_DATABASE_URL: nowhere('gateway'),
          REPORTING_DATABASE_URL: nowhere('reporting'),
          RIGHTS_DATABASE_URL: nowhere('rights'),
          HARDSHIP_AID_DATABASE_URL: nowhere('hardship_aid'),
          ACTIVITIES_DATABASE_URL: nowhere('activities'),
        },
      },
    );
  };
  const brokenAt = (position: string, reason: string) =>
    new RegExp(
      `^organisation: BROKEN — first broken position ${position} \\(stream ${stream}\\): ${reason}`,
    );

  it('reports an intact store, checked against its checkpoint and its topic, with its rate', async () => {
    expect(await audited.verify()).toMatch(
      /^organisation: intact — 9 events in 3 streams verified in \d+\.\d s \([\d,]+ events\/s\)$/,
    );
  });

  it('finds an edited event', async () => {
    await query(`UPDATE events SET data = '{"text": "改"}' WHERE position = $1`, [
      written[1]!.position,
    ]);

    expect(await audited.verify()).toMatch(
      brokenAt(written[1]!.position, 'the event does not match its hash'),
    );
  });

  it('finds an event deleted in the middle of a stream', async () => {
    await query('DELETE FROM events WHERE position = $1', [written[1]!.position]);

    expect(await audited.verify()).toMatch(
      brokenAt(written[1]!.position, 'version 2 of the stream is missing \\(deleted\\)'),
    );
  });

  it('finds the newest event deleted and the stream head moved back', async () => {
    const [, second, third] = written;
    await query('DELETE FROM events WHERE position = $1', [third!.position]);
    await query(
      'UPDATE streams SET version = 2, last_position = $2, last_hash = $3 WHERE stream_id = $1',
      [stream, second!.position, second!.hash],
    );

    const found = await audited.verify();
    expect(found).toMatch(
      brokenAt(
        third!.position,
        'the stream ends at version 2, but the checkpoint of .* has version 3 \\(events deleted, the head moved back\\)',
      ),
    );
    expect(found).toContain(
      `also at position ${third!.position} (stream ${stream}): the event published on ${audited.topics.names[Topics.organisation]} at this position is not in the store (deleted)`,
    );
  });

  it('finds a whole stream deleted with its head', async () => {
    await query('DELETE FROM events WHERE stream_id = $1', [stream]);
    await query('DELETE FROM streams WHERE stream_id = $1', [stream]);

    expect(await audited.verify()).toMatch(
      new RegExp(
        `^organisation: BROKEN — first broken position ${written[0]!.position} \\(stream ${stream}\\): the event published on .* is not in the store \\(deleted\\)[^]*position ${written[2]!.position} \\(stream ${stream}\\): the stream is gone, but the checkpoint of .* has it at version 3 \\(stream deleted\\)`,
      ),
    );
  });

  it('finds the newest event edited with its hash recomputed, as the store would have', async () => {
    const { hash: _old, ...newest } = written[2]!;
    const edited = { ...newest, data: { text: '改' } };
    const hash = hashEvent(edited);
    await query('UPDATE events SET data = $2, hash = $3 WHERE position = $1', [
      edited.position,
      edited.data,
      hash,
    ]);
    await query('UPDATE streams SET last_hash = $2 WHERE stream_id = $1', [stream, hash]);

    const found = await audited.verify();
    expect(found).toMatch(
      brokenAt(
        edited.position,
        'version 3 is not the event checkpointed at .* \\(edited or replaced since, its hash recomputed\\)',
      ),
    );
  });

  it('finds an event inserted with a proper chain and a back-dated transaction, never published', async () => {
    const { hash: _hash, ...last } = written[2]!;
    const inserted = {
      ...last,
      eventId: randomUUID(),
      streamVersion: 4,
      prevPosition: last.position,
      prevHash: written[2]!.hash,
      data: { text: '插' },
    };
    const { rows } = await query(
      `SELECT nextval(pg_get_serial_sequence('events', 'position'))::text AS position`,
    );
    const position = (rows[0] as { position: string }).position;
    const hash = hashEvent({ ...inserted, position });
    await query(
      `INSERT INTO events (position, transaction_id, stream_id, stream_type, stream_version, event_id,
         type, schema_version, occurred_at, recorded_at, org_unit_id, org_path, data, metadata,
         prev_position, prev_hash, hash)
       SELECT $1, (SELECT transaction_id FROM events WHERE position = $6), stream_id, stream_type,
         4, $2, type, schema_version, occurred_at, recorded_at, org_unit_id, org_path, $3,
         metadata, position, hash, $4
       FROM events WHERE position = $5`,
      [position, inserted.eventId, inserted.data, hash, last.position, written[0]!.position],
    );
    await query(
      'UPDATE streams SET version = 4, last_position = $2, last_hash = $3 WHERE stream_id = $1',
      [stream, position, hash],
    );

    expect(await audited.verify()).toMatch(
      brokenAt(
        position,
        `the event is not on .* although the relay published everything up to it \\(inserted\\)`,
      ),
    );
  });

  it('finds two events of a stream swapped', async () => {
    const [first, second] = written;
    await query('UPDATE events SET position = -1 WHERE position = $1', [first!.position]);
    await query('UPDATE events SET position = $1 WHERE position = $2', [
      first!.position,
      second!.position,
    ]);
    await query('UPDATE events SET position = $1 WHERE position = -1', [second!.position]);

    expect(await audited.verify()).toMatch(
      brokenAt(first!.position, 'the event does not match its hash \\(edited or moved\\)'),
    );
  });

  it('finds a checkpoint file altered, or put back from before the newest checkpoint on the topic', async () => {
    const file = checkpointFile('organisation', audited.env);
    const earlier = readFileSync(file, 'utf8');
    await audited.store.appendToStream(stream, [{ type: 'Noted', data: { text: '四' } }], {
      streamType: 'note',
      orgUnit: { id: 'u', path: 'm/u' },
      metadata: { now: new Date(), actorId: 'a', actorRole: 'admin', correlationId: 'c' },
    });
    const producer = createIdempotentProducer(audited.topics.kafka);
    await producer.connect();
    const newest = await takeCheckpoint({
      service: 'organisation',
      pool: audited.db.pool,
      signingKey: audited.keys.privateKey,
      file,
      publish: { producer, topic: audited.topics.names[CHECKPOINTS]! },
    });
    await producer.disconnect();
    writeFileSync(file, earlier);

    expect(await audited.verify()).toContain(
      `the newest checkpoint on ${audited.topics.names[CHECKPOINTS]} (taken at ${newest.takenAt}, position ${newest.position}) is not in ${file}: the file was removed or replaced by an older one`,
    );
    writeFileSync(file, JSON.stringify({ ...newest, position: '1' }));
    expect(await audited.verify()).toContain(
      `the checkpoint file ${file} is not signed by organisation's key (altered or replaced)`,
    );
  });

  it('exits 1 from npm run audit -- verify, naming service, stream and position', async () => {
    const [, second, third] = written;
    await query('DELETE FROM events WHERE position = $1', [third!.position]);
    await query(
      'UPDATE streams SET version = 2, last_position = $2, last_hash = $3 WHERE stream_id = $1',
      [stream, second!.position, second!.hash],
    );
    const result = audit('verify');

    expect(result.stderr).not.toContain('could not run');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `organisation: BROKEN — first broken position ${third!.position} (stream ${stream})`,
    );
  });

  it('takes a signed checkpoint on demand with npm run audit -- checkpoint, which verify then holds the store to', async () => {
    await audited.store.appendToStream(stream, [{ type: 'Noted', data: { text: '四' } }], {
      streamType: 'note',
      orgUnit: { id: 'u', path: 'm/u' },
      metadata: { now: new Date(), actorId: 'a', actorRole: 'admin', correlationId: 'c' },
    });
    const taken = audit('checkpoint', audited.keys.signingEnv);
    const file = checkpointFile('organisation', audited.env);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as StoreCheckpoint;

    expect(taken.stdout).toContain(
      `organisation: checkpoint of 3 streams up to position 10 signed, kept in ${file} and published`,
    );
    expect(taken.status).toBe(0);
    expect(checkpointSignedBy(kept, audited.keys.publicKey)).toBe(true);
    expect(kept.heads.find(([streamId]) => streamId === stream)?.[1]).toBe(4);

    // Version 4 was checkpointed: deleting it and moving the head back is now found.
    const newest = (await audited.events(stream))[3]!;
    await query('DELETE FROM events WHERE position = $1', [newest.position]);
    await query(
      'UPDATE streams SET version = 3, last_position = $2, last_hash = $3 WHERE stream_id = $1',
      [stream, written[2]!.position, written[2]!.hash],
    );
    expect(await audited.verify()).toMatch(
      brokenAt(
        newest.position,
        'the stream ends at version 3, but the checkpoint of .* has version 4',
      ),
    );
  });
});
