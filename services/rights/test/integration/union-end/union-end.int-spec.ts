import { randomUUID } from 'node:crypto';

import type { TestCaller } from '@taizhang/testing';

import { endingUnions, orgEvent, rightsSuite } from '../../rights-test-kit';

/**
 * A union's end through organisation's real topic (README, "A union dissolved or merged"): a
 * merger hands its open records to the surviving union, a dissolution leaves its open disputes to
 * the federation above, lets its requests to negotiate lapse and closes its unanswered
 * proposals; in the consumer's transaction, and a redelivery changes nothing.
 */
describe('a union merged or dissolved (工会合并、撤销)', () => {
  const { rights, region, ids, officer, post, get } = rightsSuite();
  const {
    merging,
    dissolving,
    mergingPath,
    dissolvingPath,
    survivorCadre,
    mergedCadre,
    registered,
    merged,
    dissolved,
  } = endingUnions(region);
  const dissolvedCadre: TestCaller = { role: 'union_cadre', orgPath: dissolvingPath };
  const created = async (path: string, payload: object): Promise<string> => {
    const result = await post(officer, path, payload);
    expect(result.status).toBe(201);

    return result.body['id'] as string;
  };
  /** Of each union: an open dispute, a concluded one, a pending request, an open proposal. */
  const recordsOf = async (unionId: string) => {
    const dispute = (acceptedOn: string) => ({
      unionId,
      category: 'unpaid_wages',
      claimants: [{ name: '张伟' }],
      amountClaimedFen: 500_000,
      acceptedOn,
    });
    const open = await created('/disputes', dispute('2026-05-20'));
    const agreed = await created('/disputes', dispute('2026-05-10'));
    expect(
      (
        await post(officer, `/disputes/${agreed}/agreement`, {
          agreedOn: '2026-05-15',
          amountRecoveredFen: 300_000,
        })
      ).status,
    ).toBe(200);
    const contract = await created('/contracts', {
      unionId,
      kind: 'wage',
      employerIds: [randomUUID()],
      requestedOn: '2026-05-25',
    });
    const congress = await created('/congresses', {
      unionId,
      heldOn: '2026-04-01',
      delegatesEntitled: 30,
      delegatesPresent: 25,
    });
    const proposal = await created('/proposals', {
      congressId: congress,
      title: '改善职工食堂',
      submittedBy: '李娜等3名代表',
      submittedOn: '2026-04-01',
    });

    // A 12351 ticket the union holds, and an early warning it raised, both open.
    const ticket = await created('/hotline-tickets', {
      orgUnitId: unionId,
      channel: 'phone_12351',
      category: 'unpaid_wages',
      receivedAt: '2026-05-21T09:30:00+08:00',
      callerName: '张伟',
      callerUnionId: unionId,
      summary: '公司拖欠三个月工资，要求帮助追讨',
    });
    const warning = await created('/early-warnings', {
      orgUnitId: unionId,
      employerName: '沈阳第一机床厂',
      risk: 'wage_arrears',
      level: 'yellow',
      raisedOn: '2026-05-22',
      description: '拖欠两个月工资，职工情绪不稳',
    });

    return { open, agreed, contract, proposal, ticket, warning };
  };
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        [
          'DisputeHandedOver',
          'DisputeKeptByFederation',
          'ContractRequestHandedOver',
          'ContractRequestLapsed',
          'ProposalHandedOver',
          'ProposalClosedUnanswered',
          'HotlineTicketHandedOver',
          'HotlineTicketKeptByFederation',
          'EarlyWarningHandedOver',
          'EarlyWarningKeptByFederation',
        ].map(async (type) => [type, await rights.count(type)] as const),
      ),
    );
  let ofMerged: Awaited<ReturnType<typeof recordsOf>>;
  let ofDissolved: Awaited<ReturnType<typeof recordsOf>>;

  beforeAll(async () => {
    await rights.publish([...region.events, ...registered]);
    ofMerged = await recordsOf(merging);
    ofDissolved = await recordsOf(dissolving);
    await rights.publish([merged, dissolved]);
  }, 120_000);

  it('hands a merged union’s open records to the surviving union, in its scope from then on', async () => {
    expect(await counts()).toMatchObject({
      DisputeHandedOver: 1,
      ContractRequestHandedOver: 1,
      ProposalHandedOver: 1,
    });
    const dispute = await get(survivorCadre, `/disputes/${ofMerged.open}`);
    expect([dispute.status, dispute.body['unionId'], dispute.body['status']]).toEqual([
      200,
      ids.u1,
      'Open',
    ]);
    // The merged union's own cadre no longer reaches it; the concluded one stays where it was.
    expect((await get(mergedCadre, `/disputes/${ofMerged.open}`)).status).toBe(404);
    const agreed = await get(officer, `/disputes/${ofMerged.agreed}`);
    expect([agreed.body['unionId'], agreed.body['status']]).toEqual([merging, 'Agreed']);
    expect((await get(survivorCadre, `/proposals/${ofMerged.proposal}`)).body).toMatchObject({
      unionId: ids.u1,
      status: 'Submitted',
    });
    // The surviving union concludes what it took over.
    expect(
      (
        await post(survivorCadre, `/disputes/${ofMerged.open}/agreement`, {
          agreedOn: '2026-06-10',
          amountRecoveredFen: 500_000,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(survivorCadre, `/contracts/${ofMerged.contract}/answer`, {
          answeredOn: '2026-06-05',
        })
      ).status,
    ).toBe(200);
    const { rows } = await rights.db.pool.query<{ org_unit_id: string; data: object }>(
      `SELECT org_unit_id, data FROM events WHERE type = 'DisputeHandedOver'`,
    );
    expect(rows).toEqual([
      {
        org_unit_id: ids.u1,
        data: {
          disputeId: ofMerged.open,
          fromUnionId: merging,
          toUnionId: ids.u1,
          on: '2026-06-01',
          eligibleForArbitration: false,
        },
      },
    ]);
  });

  it('leaves a dissolved union’s open dispute to the federation above, lapses its request, closes its proposal', async () => {
    expect(await counts()).toMatchObject({
      DisputeKeptByFederation: 1,
      ContractRequestLapsed: 1,
      ProposalClosedUnanswered: 1,
    });
    const dispute = await get(officer, `/disputes/${ofDissolved.open}`);
    expect(dispute.body).toMatchObject({ unionId: dissolving, status: 'Open', keeperId: ids.west });
    expect((await get(officer, `/contracts/${ofDissolved.contract}`)).body['status']).toBe(
      'Lapsed',
    );
    expect((await get(officer, `/proposals/${ofDissolved.proposal}`)).body).toMatchObject({
      status: 'ClosedUnanswered',
      closedOn: '2026-06-02',
    });
    const late = await post(officer, `/contracts/${ofDissolved.contract}/answer`, {
      answeredOn: '2026-06-05',
    });
    expect([late.status, late.body['code']]).toEqual([422, 'REQUEST_LAPSED']);
    // The federation's mediation committee concludes the dispute it keeps.
    expect(
      (
        await post(officer, `/disputes/${ofDissolved.open}/failure`, {
          failedOn: '2026-06-20',
          reason: '用人单位已注销',
        })
      ).status,
    ).toBe(200);
  });

  it('hands a merged union’s open ticket and warning to the surviving union, its answer day unchanged', async () => {
    expect(await counts()).toMatchObject({ HotlineTicketHandedOver: 1, EarlyWarningHandedOver: 1 });
    const ticket = await get(survivorCadre, `/hotline-tickets/${ofMerged.ticket}`);
    expect([ticket.status, ticket.body['orgUnitId'], ticket.body['status']]).toEqual([
      200,
      ids.u1,
      'Open',
    ]);
    // The caller's wait does not start again: the union's 5 days from the receipt (national).
    expect(ticket.body['answerDueOn']).toBe('2026-05-26');
    expect((await get(mergedCadre, `/hotline-tickets/${ofMerged.ticket}`)).status).toBe(404);
    expect((await get(mergedCadre, `/early-warnings/${ofMerged.warning}`)).status).toBe(404);
    expect((await get(survivorCadre, `/early-warnings/${ofMerged.warning}`)).body).toMatchObject({
      orgUnitId: ids.u1,
      status: 'Open',
    });
    // The survivor carries them on.
    expect(
      (
        await post(survivorCadre, `/hotline-tickets/${ofMerged.ticket}/call-back`, {
          calledBackAt: '2026-06-03T10:00:00+08:00',
          note: '已联系企业',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(survivorCadre, `/early-warnings/${ofMerged.warning}/follow-ups`, {
          on: '2026-06-03',
          action: '约谈企业负责人',
        })
      ).status,
    ).toBe(201);
    const { rows } = await rights.db.pool.query<{ org_unit_id: string; data: object }>(
      `SELECT org_unit_id, data FROM events WHERE type = 'HotlineTicketHandedOver'`,
    );
    expect(rows).toEqual([
      {
        org_unit_id: ids.u1,
        data: {
          ticketId: ofMerged.ticket,
          fromUnitId: merging,
          toUnitId: ids.u1,
          on: '2026-06-01',
          legalAid: false,
          // The answer clock does not run here: not marked overdue.
          overdue: false,
        },
      },
    ]);
  });

  it('passes a dissolved union’s open ticket and warning to the federation above, which holds them', async () => {
    expect(await counts()).toMatchObject({
      HotlineTicketKeptByFederation: 1,
      EarlyWarningKeptByFederation: 1,
    });
    const ticket = await get(officer, `/hotline-tickets/${ofDissolved.ticket}`);
    expect(ticket.body).toMatchObject({
      orgUnitId: ids.west,
      status: 'Open',
      answerDueOn: '2026-05-26',
    });
    expect((await get(officer, `/early-warnings/${ofDissolved.warning}`)).body).toMatchObject({
      orgUnitId: ids.west,
      status: 'Open',
    });
    // Above the dissolved union's cadre now.
    expect((await get(dissolvedCadre, `/hotline-tickets/${ofDissolved.ticket}`)).status).toBe(404);
    expect((await get(dissolvedCadre, `/early-warnings/${ofDissolved.warning}`)).status).toBe(404);
    expect(
      (
        await post(officer, `/hotline-tickets/${ofDissolved.ticket}/closure`, {
          closedAt: '2026-06-05T10:00:00+08:00',
          outcome: 'referred',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(officer, `/early-warnings/${ofDissolved.warning}/resolution`, {
          resolvedOn: '2026-06-05',
          outcome: '企业已注销，移交劳动监察',
        })
      ).status,
    ).toBe(200);
  });

  it('changes nothing when the same end arrives again, redelivered or told anew', async () => {
    const before = { counts: await counts() };
    const eventsNow = async () =>
      Number(
        (await rights.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n,
      );
    const total = await eventsNow();
    // The same messages again, then a marker behind each on its partition (the union's key).
    const rename = (id: string, orgPath: string) =>
      orgEvent('UnionRenamed', id, orgPath, {
        unionId: id,
        previousName: '纺织厂工会',
        name: '纺织厂工会（原）',
        effectiveOn: '2026-06-03',
      });
    await rights.publish([
      merged,
      dissolved,
      rename(merging, mergingPath),
      rename(dissolving, dissolvingPath),
    ]);
    // The same facts as new events: the records they would act on are no longer open.
    await rights.publish([
      { ...merged, eventId: randomUUID() },
      { ...dissolved, eventId: randomUUID() },
    ]);
    expect(await counts()).toEqual(before.counts);
    expect(await eventsNow()).toBe(total);
  });
});
