import { randomUUID } from 'node:crypto';

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

    return { open, agreed, contract, proposal };
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
