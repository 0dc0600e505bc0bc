import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { verifyIntegrity } from './verify-integrity';

/** Three streams of three events each, interleaved, so every tampering has neighbours. */
const seed = async (store: PostgresEventStore): Promise<string[]> => {
  const streams = [1, 2, 3].map(() => `counter-${randomUUID()}`);
  for (let round = 0; round < 3; round += 1)
    for (const streamId of streams)
      await handleCommand(store, {
        streamId,
        streamType: 'counter',
        decider: counterDecider,
        command: increment(round + 1, {}, `第${round + 1}次`),
        orgUnit,
      });
  const { rows } = await store.pool.query<{ position: string }>(
    'SELECT position::text FROM events ORDER BY position',
  );

  return rows.map((r) => r.position);
};

describe('verifyIntegrity', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let positions: string[];

  beforeEach(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
    positions = await seed(store);
  });
  afterEach(() => db.drop());

  const sql = (text: string, values: unknown[] = []) => db.pool.query(text, values);
  const firstBreak = async () => (await verifyIntegrity(db.pool)).firstBreak?.position;

  it('finds an untouched history intact', async () => {
    const report = await verifyIntegrity(db.pool);

    expect(report).toMatchObject({ intact: true, eventsChecked: 9, streamsChecked: 3, breaks: [] });
  });

  it('detects an UPDATE of one event’s data at its position', async () => {
    await sql(`UPDATE events SET data = jsonb_set(data, '{by}', '100') WHERE position = $1`, [
      positions[4],
    ]);

    expect(await firstBreak()).toBe(positions[4]);
  });

  it('detects a DELETE in the middle of a stream at the deleted position', async () => {
    await sql('DELETE FROM events WHERE position = $1', [positions[4]]);

    expect(await firstBreak()).toBe(positions[4]);
  });

  it('detects a DELETE of the last event of a stream at the deleted position', async () => {
    await sql('DELETE FROM events WHERE position = $1', [positions[8]]);

    expect(await firstBreak()).toBe(positions[8]);
  });

  it('detects an INSERT of a forged event at its position', async () => {
    const forged = await sql(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, type, schema_version,
         occurred_at, recorded_at, org_unit_id, org_path, data, metadata, prev_hash, hash)
       SELECT stream_id, stream_type, 4, $2, type, schema_version, occurred_at, recorded_at,
              org_unit_id, org_path, '{"by": 7, "note": "伪造"}', metadata, hash, hash
       FROM events WHERE position = $1
       RETURNING position::text`,
      [positions[8], randomUUID()],
    );

    expect(await firstBreak()).toBe((forged.rows[0] as { position: string }).position);
  });

  it('detects a swap of two positions at the lower one', async () => {
    await sql('UPDATE events SET position = -1 WHERE position = $1', [positions[2]]);
    await sql('UPDATE events SET position = $1 WHERE position = $2', [positions[2], positions[6]]);
    await sql('UPDATE events SET position = $1 WHERE position = -1', [positions[6]]);

    expect(await firstBreak()).toBe(positions[2]);
  });
});
