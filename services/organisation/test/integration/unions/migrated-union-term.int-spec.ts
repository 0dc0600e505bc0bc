import { randomUUID } from 'node:crypto';

import { organisationRegistry, Topics } from '@taizhang/contracts';
import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import type { CommandMetadata } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, regionSuite } from '@taizhang/testing';

import { organisationMigrations } from '../../../src/organisation.migrations';
import { unionTermClock } from '../../../src/unions/term-clock/union-term.clock';
import { runUnionCommand } from '../../../src/unions/union-streams';

const at = (day: string): CommandMetadata => ({
  now: new Date(`${day}T04:00:00Z`),
  actorId: 'officer-1',
  actorRole: 'federation_officer',
  correlationId: randomUUID(),
});

// 存量工会登记 with the serving committee: the term clock (换届预警) covers such a union as it
// covers one founded on the platform; one registered without it has no term.
describe('the term clock for a union registered as it was', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  const register = async (currentTerm?: { electedOn: string; termYears: 3 | 5 }) => {
    const unionId = randomUUID();
    await runUnionCommand(store, unionId, {
      type: 'RegisterUnion',
      data: {
        unionId,
        name: `存量工会${unionId.slice(0, 4)}`,
        establishedOn: '2005-04-01',
        parent: { id: 's1', kind: 'street', orgPath: 'm1/d1/s1' },
        ...(currentTerm ? { currentTerm } : {}),
      },
      metadata: at(currentTerm?.electedOn ?? '2005-04-01'),
    });

    return unionId;
  };
  const tick = async (day: string): Promise<number> =>
    (
      await new DeadlineClocks(store, {
        clocks: [unionTermClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00Z`),
      }).runDue(unionTermClock.name)
    ).ran;
  const expiries = async (unionId: string) =>
    (
      await db.pool.query<{ data: { termEndedOn: string } }>(
        `SELECT data FROM events WHERE stream_id = $1 AND type = 'UnionTermExpired'`,
        [`union-${unionId}`],
      )
    ).rows.map((row) => row.data.termEndedOn);

  beforeAll(async () => {
    db = await createTestDatabase(organisationMigrations);
    store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
  });
  afterAll(() => db.drop());

  it('warns the day after the registered committee’s term ran out, once; not for a union registered without one', async () => {
    const migrated = await register({ electedOn: '2020-06-16', termYears: 3 });
    const withoutTerm = await register();

    expect(await tick('2023-06-15')).toBe(0);
    expect(await tick('2023-06-16')).toBe(1);
    // A restart: a new runner over the same table warns nothing again.
    expect(await tick('2023-06-17')).toBe(0);

    expect(await expiries(migrated)).toEqual(['2023-06-15']);
    expect(await expiries(withoutTerm)).toEqual([]);
  });
});

describe('POST /unions with the serving committee (organisation, integration)', () => {
  const { region, url, created, unit } = regionSuite(['organisation'], [Topics.organisation]);
  let street: string;
  const body = { name: '沈阳鼓风机厂工会', establishedOn: '1996-05-01' };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106004', '兴工街道工会联合会', 'street', district);
  });

  it('records the term and its last day; the union reads with its term', async () => {
    const id = await created('/unions', {
      ...body,
      parentId: street,
      currentTerm: { electedOn: '2024-03-20', termYears: 5 },
    });

    expect((await region.get(url(`/unions/${id}`))).body).toMatchObject({
      status: 'Registered',
      establishedOn: '1996-05-01',
      termEndsOn: '2029-03-19',
    });
  });

  it('keeps a registration without a term valid, and refuses a malformed or impossible one', async () => {
    const plain = await created('/unions', { ...body, parentId: street });
    expect((await region.get(url(`/unions/${plain}`))).body).not.toHaveProperty('termEndsOn');

    for (const currentTerm of [
      { electedOn: '2024-03-20', termYears: 4 },
      { electedOn: '2024-03-20' },
      { electedOn: '2024-03-20', termYears: 5, chair: '王' },
    ]) {
      const answer = await region.post(url('/unions'), { ...body, parentId: street, currentTerm });
      expect(answer.status).toBe(400);
    }
    const early = await region.post(url('/unions'), {
      ...body,
      parentId: street,
      currentTerm: { electedOn: '1990-01-01', termYears: 5 },
    });
    expect([early.status, early.body['code']]).toEqual([422, 'ELECTION_BEFORE_FOUNDING']);
  });
});
