import type { PoolClient } from 'pg';
import { Client } from 'pg';
import { Registry } from 'prom-client';

import type { EventConsumer } from '../../src';
import { DEFAULT_RETRY_POLICY, toEventMessage } from '../../src';
import {
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  metricValue,
  suiteConsumer,
} from './messaging-test-kit';

// More failures in a row than the policy's attempts: a permanent failure would be dead-lettered.
const FAILURES = DEFAULT_RETRY_POLICY.attempts + 2;
const shortWaits = { initialDelayMs: 10, maxDelayMs: 100, jitter: 0 };

describe('EventConsumer when PostgreSQL rolls a handler back as a deadlock or serialization failure', () => {
  let consumer: EventConsumer | undefined;
  let other: Client;
  const suite = messagingSuite('transient', 1, async () => {
    await consumer?.stop();
    await other.end();
  });

  beforeAll(async () => {
    await suite.db.pool.query('CREATE TABLE test_hot_rows (id int PRIMARY KEY, n int NOT NULL)');
    await suite.db.pool.query('INSERT INTO test_hot_rows VALUES (1, 0), (2, 0)');
    other = new Client({ connectionString: suite.db.url });
    await other.connect();
    // Only the handler's session looks for the deadlock, so that PostgreSQL rolls it back.
    await other.query(`SET deadlock_timeout = '10min'`);
  });

  /** Row 1 in the handler's transaction, row 2 in another session that then waits for row 1. */
  const deadlock = async (tx: PoolClient): Promise<void> => {
    await tx.query(`SET LOCAL deadlock_timeout = '10ms'`);
    await tx.query('UPDATE test_hot_rows SET n = n + 1 WHERE id = 1');
    await other.query('BEGIN');
    await other.query('UPDATE test_hot_rows SET n = n + 1 WHERE id = 2');
    const otherDone = other.query('UPDATE test_hot_rows SET n = n + 1 WHERE id = 1');
    const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Until the other session waits for this transaction's row there is no cycle to detect.
    for (;;) {
      const { rows: waiting } = await suite.db.pool.query<{ blocked: boolean }>(
        'SELECT $1::int = ANY(pg_blocking_pids($2)) AS blocked',
        [rows[0]!.pid, (other as unknown as { processID: number }).processID],
      );
      if (waiting[0]?.blocked) break;
    }
    try {
      await tx.query('UPDATE test_hot_rows SET n = n + 1 WHERE id = 2');
    } finally {
      await otherDone;
      await other.query('ROLLBACK');
    }
  };

  it('retries a real deadlock more often than its attempts, applies the event once and dead-letters nothing', async () => {
    const metrics = new Registry();
    const event = memberJoined('union-deadlock');
    let attempts = 0;
    consumer = suiteConsumer(
      suite,
      async (received, tx) => {
        attempts += 1;
        if (attempts <= FAILURES) await deadlock(tx);
        await tx.query(INSERT_EFFECT_SQL, [received.eventId, received.orgUnitId, 1]);
      },
      { metrics, retry: { ...DEFAULT_RETRY_POLICY, ...shortWaits } },
    );
    await consumer.start();
    await suite.producer.send({ topic: suite.topic, messages: [toEventMessage(event)] });
    await consumer.waitUntilCaughtUp();

    const effects = await suite.db.pool.query('SELECT event_id FROM test_effects');
    expect(effects.rows).toEqual([{ event_id: event.eventId }]);
    expect(attempts).toBe(FAILURES + 1);
    expect(await metricValue(metrics, 'taizhang_consumer_dead_lettered_total')).toBe(0);
    expect(await metricValue(metrics, 'taizhang_consumer_retries_total')).toBe(FAILURES);
    await consumer.stop();
    consumer = undefined;
  });

  it('retries what PostgreSQL reports as a serialization failure (40001) the same way', async () => {
    const metrics = new Registry();
    const event = memberJoined('union-serialization');
    let attempts = 0;
    consumer = suiteConsumer(
      suite,
      async (received, tx) => {
        attempts += 1;
        if (attempts <= FAILURES)
          await tx.query(
            `DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$`,
          );
        await tx.query(INSERT_EFFECT_SQL, [received.eventId, received.orgUnitId, 1]);
      },
      { metrics, retry: { ...DEFAULT_RETRY_POLICY, ...shortWaits } },
    );
    await consumer.start();
    await suite.producer.send({ topic: suite.topic, messages: [toEventMessage(event)] });
    await consumer.waitUntilCaughtUp();

    const effects = await suite.db.pool.query(
      'SELECT event_id FROM test_effects WHERE event_id = $1',
      [event.eventId],
    );
    expect(effects.rowCount).toBe(1);
    expect(attempts).toBe(FAILURES + 1);
    expect(await metricValue(metrics, 'taizhang_consumer_dead_lettered_total')).toBe(0);
  });
});
