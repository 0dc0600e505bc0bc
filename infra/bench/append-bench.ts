import { randomUUID } from 'node:crypto';

import type { MemberJoined } from '@taizhang/contracts';
import { organisationRegistry } from '@taizhang/contracts';
import type { Command, CommandMetadata, Decider } from '@taizhang/event-store';
import {
  eventStoreMigrations,
  handleCommand,
  IllegalStateError,
  PostgresEventStore,
} from '@taizhang/event-store';
import { createTestDatabase } from '@taizhang/testing';

import { throughput } from './measure';

const UNION = { id: 'bench-union', orgPath: 'bench-city/bench-district/bench-street/bench-union' };

type Join = Command<'JoinUnion', MemberJoined['data']>;

// A member joining, shaped as organisation's decider is: refuse a second join, else one event.
const joinDecider: Decider<{ joined: boolean }, Join, MemberJoined> = {
  initialState: () => ({ joined: false }),
  evolve: () => ({ joined: true }),
  decide: (command, state) => {
    if (state.joined) throw new IllegalStateError('Already a member', 'MEMBER_EXISTS');

    return { type: 'MemberJoined', data: command.data };
  },
};

const metadata = (): CommandMetadata => ({
  now: new Date(),
  actorId: 'bench',
  actorRole: 'union_cadre',
  correlationId: randomUUID(),
  occurredAt: new Date('2020-07-01T00:00:00+08:00'),
});

// The same row the store writes for a member joining, inserted with one plain statement.
const PLAIN_INSERT = `
  INSERT INTO baseline_events (stream_id, stream_type, stream_version, event_id, type,
    schema_version, occurred_at, recorded_at, org_unit_id, org_path, data, metadata, prev_position,
    prev_hash, hash)
  VALUES ($1, 'member', 1, $2, 'MemberJoined', 1, $3, now(), $4, $5, $6, $7, NULL, $8, $8)`;

export interface AppendFigures {
  concurrency: number;
  handleCommandPerSecond: number;
  plainInsertPerSecond: number;
}

/** Member joins through handleCommand against plain INSERTs of the same rows, 1 and 16 callers. */
export const benchAppends = async (seconds: number): Promise<AppendFigures[]> => {
  const db = await createTestDatabase(eventStoreMigrations, { poolSize: 20 });
  try {
    // Same columns and indexes as the events table, so the baseline pays for the same writes.
    await db.pool.query('CREATE TABLE baseline_events (LIKE events INCLUDING ALL)');
    const store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
    const figures: AppendFigures[] = [];
    for (const concurrency of [1, 16]) {
      const plain = await throughput(seconds, concurrency, () => {
        const memberId = randomUUID();
        const data = {
          memberId,
          unionId: UNION.id,
          name: '王秀英',
          gender: 'female',
          joinedOn: '2020-07-01',
        };

        return db.pool.query(PLAIN_INSERT, [
          `member-${memberId}`,
          randomUUID(),
          '2020-06-30T16:00:00.000Z',
          UNION.id,
          UNION.orgPath,
          JSON.stringify(data),
          JSON.stringify({ actor: { id: 'bench', role: 'union_cadre' }, correlationId: 'c' }),
          '0'.repeat(64),
        ]);
      });
      const commands = await throughput(seconds, concurrency, () => {
        const memberId = randomUUID();

        return handleCommand(store, {
          streamId: `member-${memberId}`,
          streamType: 'member',
          decider: joinDecider,
          command: {
            type: 'JoinUnion',
            data: {
              memberId,
              unionId: UNION.id,
              name: '王秀英',
              gender: 'female',
              joinedOn: '2020-07-01',
              idCardNumber: null,
              phone: null,
              birthDate: null,
              employerId: null,
              employmentForm: 'regular',
              migrantWorker: false,
              channel: 'individual',
            },
            metadata: metadata(),
          },
          orgUnit: { id: UNION.id, path: UNION.orgPath },
        });
      });
      figures.push({
        concurrency,
        handleCommandPerSecond: commands.perSecond,
        plainInsertPerSecond: plain.perSecond,
      });
    }

    return figures;
  } finally {
    await db.drop();
  }
};
