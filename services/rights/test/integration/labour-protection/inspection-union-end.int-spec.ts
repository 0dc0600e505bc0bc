import { randomUUID } from 'node:crypto';

import { endingUnions, rightsSuite } from '../../rights-test-kit';

/**
 * An inspection when its union ends, through organisation's real topic (README, "A union
 * dissolved or merged"): with a hazard open, handed to the surviving union or kept by the
 * federation above; all verified, left as it is; a redelivery changes nothing.
 */
describe('an inspection’s union merged or dissolved', () => {
  const { rights, region, ids, officer, post, get } = rightsSuite();
  const { merging, dissolving, survivorCadre, mergedCadre, registered, merged, dissolved } =
    endingUnions(region);
  /** Of each union: an inspection with an open (overdue-to-be) hazard, and one all verified. */
  const inspectionsOf = async (unionId: string) => {
    const inspect = async () =>
      (
        await post(officer, '/inspections', {
          unionId,
          kind: 'women_special',
          periodsChecked: ['pregnancy'],
          inspectedOn: '2026-05-10',
          employerName: '纺织厂',
          inspectors: ['李娜'],
        })
      ).body['id'] as string;
    const hazard = async (inspection: string) =>
      (
        await post(officer, `/inspections/${inspection}/hazards`, {
          description: '孕期女职工安排夜班',
          severity: 'major',
          foundOn: '2026-05-10',
        })
      ).body['id'] as string;
    const open = await inspect();
    const openHazard = await hazard(open);
    await post(officer, `/inspections/${open}/hazards/${openHazard}/rectification-request`, {
      requestedOn: '2026-05-11',
      dueOn: '2026-05-25',
    });
    const done = await inspect();
    const doneHazard = await hazard(done);
    await post(officer, `/inspections/${done}/hazards/${doneHazard}/rectified`, {
      rectifiedOn: '2026-05-12',
    });
    expect(
      (
        await post(officer, `/inspections/${done}/hazards/${doneHazard}/verification`, {
          verifiedOn: '2026-05-13',
          by: '李娜',
        })
      ).status,
    ).toBe(200);

    return { open, openHazard, done };
  };
  const counts = async () => ({
    handedOver: await rights.count('InspectionHandedOver'),
    kept: await rights.count('InspectionKeptByFederation'),
  });
  let ofMerged: Awaited<ReturnType<typeof inspectionsOf>>;
  let ofDissolved: Awaited<ReturnType<typeof inspectionsOf>>;

  beforeAll(async () => {
    await rights.publish([...region.events, ...registered]);
    ofMerged = await inspectionsOf(merging);
    ofDissolved = await inspectionsOf(dissolving);
    await rights.publish([merged, dissolved]);
  }, 120_000);

  it('hands an inspection with an open hazard to the surviving union, in its scope from then on', async () => {
    expect(await counts()).toEqual({ handedOver: 1, kept: 1 });
    const read = await get(survivorCadre, `/inspections/${ofMerged.open}`);
    expect([read.status, read.body['unionId']]).toEqual([200, ids.u1]);
    expect((await get(mergedCadre, `/inspections/${ofMerged.open}`)).status).toBe(404);
    // All verified: it stays with the union that made it.
    expect((await get(officer, `/inspections/${ofMerged.done}`)).body['unionId']).toBe(merging);
    // The surviving union follows the rectification up.
    expect(
      (
        await post(
          survivorCadre,
          `/inspections/${ofMerged.open}/hazards/${ofMerged.openHazard}/rectified`,
          { rectifiedOn: '2026-06-05' },
        )
      ).status,
    ).toBe(200);
    const { rows } = await rights.db.pool.query<{ org_unit_id: string; data: object }>(
      `SELECT org_unit_id, data FROM events WHERE type = 'InspectionHandedOver'`,
    );
    expect(rows).toEqual([
      {
        org_unit_id: ids.u1,
        data: {
          inspectionId: ofMerged.open,
          fromUnionId: merging,
          toUnionId: ids.u1,
          on: '2026-06-01',
          womenSpecial: true,
          hazardsFound: 1,
          hazardsRectified: 0,
          hazardsOverdue: 0,
        },
      },
    ]);
  });

  it('leaves a dissolved union’s open inspection to the federation above', async () => {
    const read = await get(officer, `/inspections/${ofDissolved.open}`);
    expect(read.body).toMatchObject({ unionId: dissolving, keeperId: ids.west });
    expect((await get(officer, `/inspections/${ofDissolved.done}`)).body['keeperId']).toBeNull();
    expect(
      (
        await post(
          officer,
          `/inspections/${ofDissolved.open}/hazards/${ofDissolved.openHazard}/rectified`,
          { rectifiedOn: '2026-06-20' },
        )
      ).status,
    ).toBe(200);
  });

  it('changes nothing when the same end is told again', async () => {
    const before = await counts();
    await rights.publish([
      { ...merged, eventId: randomUUID() },
      { ...dissolved, eventId: randomUUID() },
    ]);
    expect(await counts()).toEqual(before);
  });
});
