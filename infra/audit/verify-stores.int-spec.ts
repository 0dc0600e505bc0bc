import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { defineEvent, EventRegistry } from '@taizhang/contracts';
import { eventStoreMigrations, PostgresEventStore } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { describeVerification, verifyStore } from './verify-stores';

const NotedV1 = defineEvent('Noted', 1, z.object({ text: z.string() }));

describe('audit verify', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    const store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: new EventRegistry([NotedV1]),
    });
    for (const text of ['一', '二', '三'])
      await store.appendToStream(`note-${randomUUID()}`, [{ type: 'Noted', data: { text } }], {
        streamType: 'note',
        orgUnit: { id: 'u', path: 'm/u' },
        metadata: { now: new Date(), actorId: 'a', actorRole: 'admin', correlationId: 'c' },
      });
  });
  afterAll(() => db.drop());

  const target = () => ({ service: 'organisation', name: db.name, url: db.url });

  it('reports an intact store', async () => {
    expect(describeVerification(await verifyStore(target()))).toBe(
      'organisation: intact — 3 events in 3 streams verified',
    );
  });

  it('names the service and the first broken position when an event was edited', async () => {
    const { rows } = await db.pool.query<{ position: string }>(
      `UPDATE events SET data = '{"text": "改"}' WHERE position = (SELECT min(position) + 1 FROM events) RETURNING position::text`,
    );

    expect(describeVerification(await verifyStore(target()))).toMatch(
      new RegExp(`^organisation: BROKEN — first broken position ${rows[0]!.position} `),
    );
  });

  it('skips a database that does not exist, saying why', async () => {
    const result = await verifyStore({
      service: 'rights',
      name: 'taizhang_nowhere',
      url: db.url.replace(db.name, 'taizhang_nowhere'),
    });

    expect(describeVerification(result)).toMatch(
      /rights: skipped, its database taizhang_nowhere does not exist/,
    );
  });
});
