import { businessDate } from '@taizhang/domain';
import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { joinBody, startGatewayRegion } from './support/gateway-region';

const DAY = 86_400_000;
const daysAgo = (days: number) => businessDate(new Date(Date.now() - days * DAY));
const monthOf = (instant: Date) => businessDate(instant).slice(0, 7);

/**
 * 补录 through the gateway: a cadre enters today a join dated six weeks ago. The figures of a day
 * after the join count the member; as known at an instant before the entry (a report submitted
 * then) they do not, and say what the late entry changed; data quality counts the entry as late
 * in the month it was entered, not in the month of its date.
 */
describe('a late entry, through the gateway (organisation → reporting, knownAt)', () => {
  let region: GatewayRegion;
  const district = () => region.ids.district[0];
  const read = (path: string, query: Record<string, string>): Promise<Answer> =>
    region.call(
      'GET',
      `/api/reporting/reports/org-units/${path}?${new URLSearchParams(query).toString()}`,
      region.tokens.federation_officer[0],
    );
  // The number of records of a month, and how many of them were entered late.
  const entered = (lateness: Answer, month: string) => {
    const months = lateness.body['months'] as {
      period: string;
      records: number;
      lateShare: number | null;
    }[];
    const found = months.find((m) => m.period === month) ?? { records: 0, lateShare: null };

    return { records: found.records, late: Math.round(found.records * (found.lateShare ?? 0)) };
  };

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close());

  it('counts a join entered late from its date, but not as known before it was entered', async () => {
    const joinedOn = daysAgo(42);
    const asOf = daysAgo(28);
    // Reporting has every record of the seed: the instant T a report could have been submitted.
    const seeded = await eventually(
      () => read(`${district()}/summary`, { asOf }),
      (answer) => answer.status === 200 && answer.body['members'] === 1,
      60_000,
    );
    expect(seeded.body['members']).toBe(1);
    const knownAt = new Date().toISOString();
    const thisMonth = monthOf(new Date(knownAt));
    const lateness = (from: string, to: string) => read(`${district()}/lateness`, { from, to });
    const latenessBefore = await lateness(thisMonth, thisMonth);
    expect(latenessBefore.status).toBe(200);

    const joined = await region.call(
      'POST',
      `/api/organisation/unions/${region.ids.union[0]}/members`,
      region.tokens.union_cadre[0],
      { ...joinBody(202), joinedOn },
    );
    expect(joined.status).toBe(201);
    const { recorded_at: recordedAt } = (
      await region.running.databases['organisation']!.pool.query<{ recorded_at: Date }>(
        `SELECT recorded_at FROM events WHERE type = 'MemberJoined' AND data->>'memberId' = $1`,
        [joined.body['id']],
      )
    ).rows[0]!;
    expect(recordedAt.getTime()).toBeGreaterThan(Date.parse(knownAt));

    const now = await eventually(
      () => read(`${district()}/summary`, { asOf }),
      (answer) => answer.body['members'] === 2,
      60_000,
    );
    expect(now.body).toMatchObject({ members: 2, femaleMembers: 2 });
    const before = await read(`${district()}/summary`, { asOf, knownAt });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ knownAt, members: 1, femaleMembers: 1 });
    expect(before.body['lateChanges']).toMatchObject({ members: 1, femaleMembers: 1, unions: 0 });
    // Before its date the join changes nothing, known then or now.
    const earlier = await read(`${district()}/summary`, { asOf: daysAgo(43), knownAt });
    expect(earlier.body).toMatchObject({ members: 1, lateChanges: { members: 0 } });
    const later = new Date(recordedAt.getTime() + 1).toISOString();
    const after = await read(`${district()}/summary`, { asOf, knownAt: later });
    expect(after.body).toMatchObject({ members: 2, lateChanges: { members: 0 } });

    // The district's children as known then and later agree with its summary.
    for (const [instant, members] of [
      [knownAt, 1],
      [later, 2],
    ] as const) {
      const drill = await read(`${district()}/children`, { asOf, knownAt: instant });
      expect(drill.status).toBe(200);
      const children = drill.body['children'] as Record<string, unknown>[];
      expect(children).toEqual([
        expect.objectContaining({
          orgUnitId: region.ids.street[0],
          members,
          knownAt: instant,
          lateChanges: expect.objectContaining({ members: 2 - members }),
        }),
      ]);
      const held = drill.body['heldDirectly'] as Record<string, number>;
      expect(held['members']! + (children[0]!['members'] as number)).toBe(members);
    }

    // Data quality: one more record, entered late, in the month it was entered.
    const enteredIn = monthOf(recordedAt);
    const joinMonth = joinedOn.slice(0, 7);
    const expected = {
      records: (enteredIn === thisMonth ? entered(latenessBefore, thisMonth).records : 0) + 1,
      late: (enteredIn === thisMonth ? entered(latenessBefore, thisMonth).late : 0) + 1,
    };
    const quality = await eventually(
      () => lateness(joinMonth, enteredIn),
      (answer) => answer.status === 200 && entered(answer, enteredIn).records === expected.records,
      60_000,
    );
    expect(entered(quality, enteredIn)).toEqual(expected);
    if (joinMonth !== enteredIn) expect(entered(quality, joinMonth).records).toBe(0);
  });
});
