import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';

import { deemedEffectiveClock, filingClock, renewalClock } from '../../../src/collective-contracts';
import { rightsSuite } from '../../rights-test-kit';

/**
 * 集体合同 after the answer, through HTTP on a real PostgreSQL and Kafka: rounds, the congress
 * vote, signing, filing, objection, deemed effectiveness, renewal, fulfilment checks, the
 * wage-bargaining season; the filing, objection and renewal clocks on day N-1 and day N, once,
 * across a restart.
 */
describe('collective contracts: from negotiation to renewal', () => {
  const { rights, region, ids, paths, cadre, neighbour, officer, eastOfficer, auditor, post, get } =
    rightsSuite();
  const side = (prefix: string, size = 3) =>
    Array.from({ length: size }, (_, i) => ({
      name: `${prefix}${i + 1}`,
      ...(i === 0 ? { chief: true } : {}),
    }));
  const round = (heldOn: string, size = 3) => ({
    heldOn,
    unionRepresentatives: side('工会代表', size),
    employerRepresentatives: side('企业代表', size),
    notes: '工资增幅协商',
  });
  const vote = (votedOn: string, overrides: object = {}) => ({
    votedOn,
    delegatesTotal: 90,
    delegatesPresent: 60,
    votesFor: 46,
    wageIncreasePercent: 5.5,
    workforceCovered: 1200,
    termYears: 1,
    ...overrides,
  });
  /** A wage contract requested and answered, its id. */
  const answered = async (requestedOn: string, answeredOn: string): Promise<string> => {
    const id = (
      await post(cadre, '/contracts', {
        unionId: ids.u1,
        kind: 'wage',
        employerIds: ['91210100MA0XXXXX1'],
        requestedOn,
      })
    ).body['id'] as string;
    expect((await post(cadre, `/contracts/${id}/answer`, { answeredOn })).status).toBe(200);

    return id;
  };
  const clock = (kind: typeof filingClock, day: string) =>
    // A new runner each time stands for the service after a restart.
    new DeadlineClocks(rights.store, {
      clocks: [kind],
      businessDate,
      now: () => new Date(`${day}T10:00:00+08:00`),
    }).runDue(kind.name);

  beforeAll(() => rights.publish(region.events), 90_000);

  it('holds rounds and takes the draft to the congress: a failed vote, another round, a pass', async () => {
    const id = await answered('2026-02-01', '2026-02-10');
    const tooFew = await post(cadre, `/contracts/${id}/rounds`, round('2026-02-15', 2));
    expect([tooFew.status, tooFew.body['code']]).toEqual([422, 'REPRESENTATIVES_OUT_OF_RANGE']);
    expect(tooFew.body['zh']).toContain('3至10人');
    const unequal = await post(cadre, `/contracts/${id}/rounds`, {
      ...round('2026-02-15'),
      employerRepresentatives: side('企业代表', 4),
    });
    expect([unequal.status, unequal.body['code']]).toEqual([422, 'UNEQUAL_SIDES']);
    const noVote = await post(cadre, `/contracts/${id}/congress-vote`, vote('2026-02-16'));
    expect([noVote.status, noVote.body['code']]).toEqual([422, 'NOT_NEGOTIATED']);
    expect((await post(cadre, `/contracts/${id}/rounds`, round('2026-02-15'))).status).toBe(201);
    const quorum = await post(
      officer,
      `/contracts/${id}/congress-vote`,
      vote('2026-02-20', { delegatesPresent: 59 }),
    );
    expect([quorum.status, quorum.body['code']]).toEqual([422, 'CONGRESS_QUORUM_NOT_MET']);
    const term = await post(
      cadre,
      `/contracts/${id}/congress-vote`,
      vote('2026-02-20', { termYears: 4 }),
    );
    expect([term.status, term.body['code']]).toEqual([422, 'TERM_OUT_OF_RANGE']);
    // 45 of 90 for: half of all delegates is not more than half.
    const failed = await post(
      cadre,
      `/contracts/${id}/congress-vote`,
      vote('2026-02-20', { votesFor: 45 }),
    );
    expect(failed.status).toBe(201);
    const again = await post(cadre, `/contracts/${id}/congress-vote`, vote('2026-02-21'));
    expect([again.status, again.body['code']]).toEqual([422, 'ROUND_REQUIRED']);
    expect((await post(officer, `/contracts/${id}/rounds`, round('2026-02-25'))).status).toBe(201);
    expect((await post(cadre, `/contracts/${id}/congress-vote`, vote('2026-03-01'))).status).toBe(
      201,
    );
    const view = await get(auditor, `/contracts/${id}`);
    expect(view.body).toMatchObject({
      status: 'Approved',
      rounds: [
        { round: 1, unionRepresentatives: [{ name: '工会代表1', chief: true }, {}, {}] },
        { round: 2 },
      ],
      votes: [
        { votesFor: 45, passed: false },
        { votesFor: 46, passed: true },
      ],
      draft: { wageIncreasePercent: 5.5, workforceCovered: 1200, termYears: 1 },
    });
    const { rows } = await rights.db.pool.query<{ data: { ruleSet: unknown } }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'ContractDraftVoted' ORDER BY stream_version`,
      [`contract-${id}`],
    );
    expect(rows.map((row) => row.data.ruleSet)).toEqual([
      { region: 'national', version: 1 },
      { region: 'national', version: 1 },
    ]);
  });

  it('keeps steps in scope, refuses an auditor, a stale If-Match, and replays a repeated key', async () => {
    const id = await answered('2026-02-01', '2026-02-10');
    expect((await post(neighbour, `/contracts/${id}/rounds`, round('2026-02-15'))).status).toBe(
      404,
    );
    expect((await post(eastOfficer, `/contracts/${id}/rounds`, round('2026-02-15'))).status).toBe(
      404,
    );
    expect((await post(auditor, `/contracts/${id}/rounds`, round('2026-02-15'))).status).toBe(403);
    const stale = await post(cadre, `/contracts/${id}/rounds`, round('2026-02-15'), {
      'if-match': '1',
    });
    expect(stale.status).toBe(409);
    const bad = await post(cadre, `/contracts/${id}/rounds`, { ...round('2026-02-15'), extra: 1 });
    expect([bad.status, bad.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    const before = await rights.count('ContractNegotiationRoundHeld');
    const key = { 'idempotency-key': `round-${id}` };
    const first = await post(cadre, `/contracts/${id}/rounds`, round('2026-02-15'), key);
    const replay = await post(cadre, `/contracts/${id}/rounds`, round('2026-02-15'), key);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body['eventIds']).toEqual(first.body['eventIds']);
    expect(await rights.count('ContractNegotiationRoundHeld')).toBe(before + 1);
  });

  it('signs, files late after the filing clock, is deemed effective on day 15, calls for renewal, renews', async () => {
    const id = await answered('2024-12-01', '2024-12-10');
    await post(cadre, `/contracts/${id}/rounds`, round('2024-12-20'));
    await post(cadre, `/contracts/${id}/congress-vote`, vote('2025-01-10'));
    const early = await post(cadre, `/contracts/${id}/signing`, { signedOn: '2025-01-09' });
    expect([early.status, early.body['code']]).toEqual([422, 'BEFORE_PREVIOUS_STEP']);
    expect((await post(cadre, `/contracts/${id}/signing`, { signedOn: '2025-01-13' })).status).toBe(
      200,
    );
    expect((await get(cadre, `/contracts/${id}`)).body['filingDueOn']).toBe('2025-01-23');

    expect((await clock(filingClock, '2025-01-23')).ran).toBe(0); // day 10: still in time
    expect((await clock(filingClock, '2025-01-24')).ran).toBe(1); // day 11
    expect((await clock(filingClock, '2025-01-24')).ran).toBe(0);
    expect((await get(cadre, `/contracts/${id}`)).body).toMatchObject({
      status: 'Signed',
      filingOverdue: true,
    });

    expect((await post(officer, `/contracts/${id}/filing`, { filedOn: '2025-01-27' })).status).toBe(
      200,
    );
    expect((await get(cadre, `/contracts/${id}`)).body['deemedEffectiveOn']).toBe('2025-02-11');
    const effectiveBefore = await rights.count('ContractDeemedEffective');
    expect((await clock(deemedEffectiveClock, '2025-02-10')).ran).toBe(0); // day 14
    expect((await clock(deemedEffectiveClock, '2025-02-11')).ran).toBe(1); // day 15
    expect((await clock(deemedEffectiveClock, '2025-02-11')).ran).toBe(0);
    expect((await clock(deemedEffectiveClock, '2025-03-01')).ran).toBe(0);
    expect(await rights.count('ContractDeemedEffective')).toBe(effectiveBefore + 1);
    expect((await get(cadre, `/contracts/${id}`)).body).toMatchObject({
      status: 'InForce',
      effectiveOn: '2025-02-11',
      expiresOn: '2026-02-11',
      renewalWindowOpensOn: '2025-11-11',
    });
    const tooLate = await post(cadre, `/contracts/${id}/objection`, {
      receivedOn: '2025-02-12',
      reason: '迟到的意见',
    });
    expect([tooLate.status, tooLate.body['code']]).toEqual([422, 'NOT_FILED']);

    const check = await post(cadre, `/contracts/${id}/fulfilment-checks`, {
      checkedOn: '2025-12-20',
      year: 2025,
      fulfilmentRate: 0.96,
      workerSatisfactionRate: 0.9,
    });
    expect(check.status).toBe(201);
    const twice = await post(cadre, `/contracts/${id}/fulfilment-checks`, {
      checkedOn: '2025-12-21',
      year: 2025,
      fulfilmentRate: 0.9,
      workerSatisfactionRate: 0.9,
    });
    expect([twice.status, twice.body['code']]).toEqual([422, 'ALREADY_CHECKED']);

    expect((await clock(renewalClock, '2025-11-10')).ran).toBe(0);
    expect((await clock(renewalClock, '2025-11-11')).ran).toBe(1); // the last 3 months begin
    expect((await clock(renewalClock, '2025-11-11')).ran).toBe(0);
    expect((await get(cadre, `/contracts/${id}`)).body['renewalDue']).toBe(true);
    const key = { 'idempotency-key': `renewal-${id}` };
    const renewal = await post(
      cadre,
      `/contracts/${id}/renewal`,
      { requestedOn: '2025-12-01' },
      key,
    );
    expect(renewal.status).toBe(201);
    const replay = await post(
      cadre,
      `/contracts/${id}/renewal`,
      { requestedOn: '2025-12-01' },
      key,
    );
    expect(replay.body['id']).toBe(renewal.body['id']);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const renewed = await get(cadre, `/contracts/${renewal.body['id'] as string}`);
    expect(renewed.body).toMatchObject({
      status: 'Requested',
      renewsContractId: id,
      kind: 'wage',
      requestedOn: '2025-12-01',
      answerDueOn: '2025-12-21',
    });
    expect((await get(cadre, `/contracts/${id}`)).body['renewalContractId']).toBe(
      renewal.body['id'],
    );
    const second = await post(cadre, `/contracts/${id}/renewal`, { requestedOn: '2025-12-02' });
    expect([second.status, second.body['code']]).toEqual([422, 'RENEWAL_ALREADY_REQUESTED']);
  });

  it('sends an objected contract back to a vote, a new signing and filing, then in force', async () => {
    const id = await answered('2024-06-01', '2024-06-05');
    await post(cadre, `/contracts/${id}/rounds`, round('2024-06-10'));
    await post(cadre, `/contracts/${id}/congress-vote`, vote('2024-06-20'));
    await post(cadre, `/contracts/${id}/signing`, { signedOn: '2024-06-21' });
    await post(cadre, `/contracts/${id}/filing`, { filedOn: '2024-06-25' });
    expect(
      (
        await post(cadre, `/contracts/${id}/objection`, {
          receivedOn: '2024-07-01',
          reason: '工资支付条款与法规不符',
        })
      ).status,
    ).toBe(200);
    // The first filing's day 15 passes without effect: the objection settled it.
    expect((await clock(deemedEffectiveClock, '2024-07-10')).ran).toBe(0);
    expect((await get(cadre, `/contracts/${id}`)).body['status']).toBe('Objected');
    expect(
      (
        await post(
          cadre,
          `/contracts/${id}/congress-vote`,
          vote('2024-07-05', { wageIncreasePercent: 6 }),
        )
      ).status,
    ).toBe(201);
    await post(cadre, `/contracts/${id}/signing`, { signedOn: '2024-07-06' });
    await post(cadre, `/contracts/${id}/filing`, { filedOn: '2024-07-08' });
    expect((await clock(deemedEffectiveClock, '2024-07-22')).ran).toBe(0);
    expect((await clock(deemedEffectiveClock, '2024-07-23')).ran).toBe(1);
    const { rows } = await rights.db.pool.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'ContractDeemedEffective'`,
      [`contract-${id}`],
    );
    expect(rows.map((row) => row.data)).toMatchObject([
      { effectiveOn: '2024-07-23', wageIncreasePercent: 6, workforceCovered: 1200, kind: 'wage' },
    ]);
  });

  it('launches a wage-bargaining season and counts the requests of its subtree within it', async () => {
    const season = {
      orgUnitId: ids.west,
      name: '2023年工资集体协商要约行动季',
      from: '2023-03-01',
      to: '2023-05-31',
      targetRequests: 3,
    };
    expect(
      (await post(cadre, '/bargaining-seasons', { ...season, orgUnitId: ids.u1 })).status,
    ).toBe(403);
    expect((await post(eastOfficer, '/bargaining-seasons', season)).status).toBe(404);
    const backwards = await post(officer, '/bargaining-seasons', { ...season, to: '2023-02-01' });
    expect([backwards.status, backwards.body['code']]).toEqual([422, 'SEASON_ENDS_BEFORE_START']);
    const launched = await post(officer, '/bargaining-seasons', season);
    expect(launched.status).toBe(201);
    const id = launched.body['id'] as string;
    for (const [unionId, requestedOn] of [
      [ids.u1, '2023-03-01'],
      [ids.u1, '2023-05-31'],
      [ids.u1, '2023-06-01'], // after the season
      [ids.u2, '2023-04-01'], // another district
    ] as const)
      await post({ role: 'federation_officer', orgPath: paths.city }, '/contracts', {
        unionId,
        kind: 'wage',
        employerIds: ['91210100MA0XXXXX2'],
        requestedOn,
      });
    const view = await get(auditor, `/bargaining-seasons/${id}`);
    expect(view.body).toMatchObject({ targetRequests: 3, requestsMade: 2, orgUnitId: ids.west });
    expect((await get(eastOfficer, `/bargaining-seasons/${id}`)).status).toBe(404);
  });
});
