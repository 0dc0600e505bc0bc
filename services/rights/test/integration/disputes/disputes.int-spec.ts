import { randomUUID } from 'node:crypto';

import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';

import { arbitrationClock } from '../../../src/disputes';
import { rightsSuite } from '../../rights-test-kit';

/** 劳动争议调解 through HTTP: scope, membership from organisation's topic, outcomes, the clock. */
describe('disputes (劳动争议调解)', () => {
  const { rights, region, ids, paths, cadre, neighbour, officer, auditor, post, get } =
    rightsSuite();
  const body = (overrides: object = {}) => ({
    unionId: ids.u1,
    category: 'overtime',
    claimants: [{ memberId: ids.member, name: '王芳' }],
    amountClaimedFen: 1_200_000,
    acceptedOn: '2026-03-01',
    ...overrides,
  });

  beforeAll(() => rights.publish(region.events), 90_000);

  it('registers a dispute of a member, which the union and the federation above read, no one else', async () => {
    const created = await post(cadre, '/disputes', body());
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const read = await get(officer, `/disputes/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.body).toMatchObject({
      disputeId: id,
      unionId: ids.u1,
      status: 'Open',
      claimants: [{ memberId: ids.member, name: '王芳' }],
      acceptedOn: '2026-03-01',
      arbitrationEligibleOn: '2026-03-16',
      eligibleForArbitration: false,
    });
    for (const reader of [cadre, auditor])
      expect((await get(reader, `/disputes/${id}`)).status).toBe(200);
    const outside = await get(neighbour, `/disputes/${id}`);
    expect([outside.status, outside.body.code]).toEqual([404, 'NOT_FOUND']);
    const unknown = await get(cadre, `/disputes/${randomUUID()}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    // Nothing of the neighbour's union is changed from outside, nor by an auditor.
    expect(
      (
        await post(neighbour, `/disputes/${id}/agreement`, {
          agreedOn: '2026-03-05',
          amountRecoveredFen: 1,
        })
      ).status,
    ).toBe(404);
    expect((await post(auditor, '/disputes', body())).status).toBe(403);
    expect((await post(neighbour, '/disputes', body())).status).toBe(404);
  });

  it('refuses a claimant who is not a member of the union, a dissolved union and a bad body, appending nothing', async () => {
    const before = await rights.count('DisputeRegistered');
    const stranger = await post(
      cadre,
      '/disputes',
      body({ claimants: [{ memberId: randomUUID(), name: '赵六' }] }),
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body['code']).toBe('CLAIMANT_NOT_MEMBER');
    expect(stranger.body['zh']).toContain('会员');
    // The member had not joined yet on that day.
    const early = await post(cadre, '/disputes', body({ acceptedOn: '2019-12-31' }));
    expect([early.status, early.body.code]).toEqual([422, 'CLAIMANT_NOT_MEMBER']);
    const ended = await post(officer, '/disputes', body({ unionId: ids.ended }));
    expect([ended.status, ended.body.code]).toEqual([422, 'UNION_ENDED']);
    const bad = await post(cadre, '/disputes', body({ category: 'theft', amountClaimedFen: -1 }));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const federation = await post(officer, '/disputes', body({ unionId: ids.west }));
    expect(federation.status).toBe(404);
    expect(await rights.count('DisputeRegistered')).toBe(before);
  });

  it('answers a repeated Idempotency-Key with the first answer', async () => {
    const key = { 'idempotency-key': `dispute-${randomUUID()}` };
    const first = await post(
      cadre,
      '/disputes',
      body({ claimants: [{ name: '非会员李雷' }] }),
      key,
    );
    const again = await post(
      cadre,
      '/disputes',
      body({ claimants: [{ name: '非会员李雷' }] }),
      key,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });

  it('ends in an agreement, a failure or a withdrawal, once; a stale If-Match is a 409', async () => {
    const open = async () => (await post(cadre, '/disputes', body())).body.id as string;
    const agreed = await open();
    expect(
      (
        await post(cadre, `/disputes/${agreed}/agreement`, {
          agreedOn: '2026-03-10',
          amountRecoveredFen: 800_000,
        })
      ).status,
    ).toBe(200);
    const twice = await post(officer, `/disputes/${agreed}/failure`, {
      failedOn: '2026-03-11',
      reason: '用人单位拒绝',
    });
    expect([twice.status, twice.body.code]).toEqual([422, 'DISPUTE_CLOSED']);
    const failed = await open();
    const stale = await post(
      officer,
      `/disputes/${failed}/failure`,
      { failedOn: '2026-03-11', reason: '用人单位拒绝' },
      { 'if-match': '7' },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await post(officer, `/disputes/${failed}/failure`, {
          failedOn: '2026-03-11',
          reason: '用人单位拒绝',
        })
      ).status,
    ).toBe(200);
    const withdrawn = await open();
    expect(
      (
        await post(cadre, `/disputes/${withdrawn}/withdrawal`, {
          withdrawnOn: '2026-03-02',
          reason: '自行和解',
        })
      ).status,
    ).toBe(200);
    const view = await get(cadre, `/disputes/${failed}`);
    expect(view.body).toMatchObject({
      status: 'Failed',
      closedOn: '2026-03-11',
      reason: '用人单位拒绝',
    });
  });

  it('asks hardship aid to screen the members of an unpaid-wages dispute', async () => {
    const before = await rights.count('HardshipScreeningRequested');
    expect((await post(cadre, '/disputes', body({ category: 'unpaid_wages' }))).status).toBe(201);
    expect((await post(cadre, '/disputes', body({ category: 'dismissal' }))).status).toBe(201);
    expect(await rights.count('HardshipScreeningRequested')).toBe(before + 1);
    const { rows } = await rights.db.pool.query<{
      data: Record<string, unknown>;
      org_path: string;
    }>(
      `SELECT data, org_path FROM events WHERE type = 'HardshipScreeningRequested' ORDER BY position DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      org_path: paths.u1,
      data: {
        unionId: ids.u1,
        memberIds: [ids.member],
        category: 'unpaid_wages',
        amountClaimedFen: 1_200_000,
      },
    });
  });

  it('makes an open dispute eligible for arbitration on day 15, once, also across a restart', async () => {
    const accepted = '2025-11-01';
    const late = (await post(cadre, '/disputes', body({ acceptedOn: accepted }))).body.id as string;
    const settled = (await post(cadre, '/disputes', body({ acceptedOn: accepted }))).body
      .id as string;
    await post(cadre, `/disputes/${settled}/agreement`, {
      agreedOn: '2025-11-10',
      amountRecoveredFen: 5,
    });
    const before = await rights.count('DisputeArbitrationEligible');
    // A clock runner as the app has one; a new runner stands for the service after a restart.
    const run = (day: string) =>
      new DeadlineClocks(rights.store, {
        clocks: [arbitrationClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00+08:00`),
      }).runDue(arbitrationClock.name);

    expect((await run('2025-11-15')).ran).toBe(0); // day 14
    expect((await run('2025-11-16')).ran).toBe(1); // day 15
    expect((await run('2025-11-16')).ran).toBe(0);
    expect((await run('2025-12-01')).ran).toBe(0);
    const eligible = await rights.db.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = 'DisputeArbitrationEligible'`,
    );
    expect(eligible.rows.map((row) => row.stream_id)).toContain(`dispute-${late}`);
    expect(eligible.rows.map((row) => row.stream_id)).not.toContain(`dispute-${settled}`);
    expect(await rights.count('DisputeArbitrationEligible')).toBe(before + 1);
    const view = await get(cadre, `/disputes/${late}`);
    expect(view.body).toMatchObject({ status: 'Open', eligibleForArbitration: true });
  });
});
