import { rightsSuite } from '../../rights-test-kit';

/** 提案落实情况: a session's proposals, each where it stands, read for the next session's review. */
describe('a congress session’s proposals (提案落实情况)', () => {
  const { rights, region, ids, cadre, neighbour, officer, eastOfficer, auditor, post, get } =
    rightsSuite();

  beforeAll(() => rights.publish(region.events), 90_000);

  const hold = async (heldOn: string) => {
    const held = await post(cadre, '/congresses', {
      unionId: ids.u1,
      heldOn,
      delegatesEntitled: 60,
      delegatesPresent: 45,
    });
    expect(held.status).toBe(201);

    return held.body['id'] as string;
  };
  const submit = async (congressId: string, title: string, submittedOn: string) => {
    const submitted = await post(cadre, '/proposals', {
      congressId,
      title,
      submittedBy: '李明等3名代表',
      submittedOn,
    });
    expect(submitted.status).toBe(201);

    return submitted.body['id'] as string;
  };
  const step = async (id: string, path: string, body: object) =>
    expect((await post(officer, `/proposals/${id}/${path}`, body)).status).toBe(200);

  it('lists every proposal of the session with its dates, reason and merge, and counts by status', async () => {
    const congress = await hold('2026-03-18');
    const other = await hold('2026-09-18');
    const canteen = await submit(congress, '改善职工食堂', '2026-03-10');
    const shuttle = await submit(congress, '增开通勤班车', '2026-03-11');
    const bus = await submit(congress, '开通厂区班车', '2026-03-12');
    const parking = await submit(congress, '扩建停车场', '2026-03-13');
    const lockers = await submit(congress, '更衣柜更新', '2026-03-14');
    await submit(congress, '延长午休时间', '2026-03-15');
    await submit(other, '下次会议的提案', '2026-09-10');

    await step(canteen, 'decision', { outcome: 'accepted', decidedOn: '2026-03-18' });
    await step(canteen, 'answer', { answeredOn: '2026-04-01', answer: '食堂已增设窗口' });
    await step(canteen, 'implementation', { implementedOn: '2026-05-01' });
    await step(shuttle, 'decision', { outcome: 'accepted', decidedOn: '2026-03-18' });
    await step(shuttle, 'answer', { answeredOn: '2026-04-02', answer: '正在协调公交公司' });
    await step(bus, 'decision', {
      outcome: 'merged',
      decidedOn: '2026-03-18',
      mergedIntoProposalId: shuttle,
    });
    await step(parking, 'decision', {
      outcome: 'not_accepted',
      decidedOn: '2026-03-18',
      reason: '属个人诉求，转工会办理',
    });
    await step(lockers, 'decision', { outcome: 'accepted', decidedOn: '2026-03-19' });

    const sheet = await get(auditor, `/congresses/${congress}/proposals`);
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({
      congressId: congress,
      unionId: ids.u1,
      heldOn: '2026-03-18',
      total: 6,
      counts: {
        Submitted: 1,
        Accepted: 1,
        Merged: 1,
        NotAccepted: 1,
        Answered: 1,
        Implemented: 1,
        ClosedUnanswered: 0,
      },
    });
    const proposals = sheet.body['proposals'] as Record<string, unknown>[];
    expect(proposals.map((p) => [p['title'], p['status']])).toEqual([
      ['改善职工食堂', 'Implemented'],
      ['增开通勤班车', 'Answered'],
      ['开通厂区班车', 'Merged'],
      ['扩建停车场', 'NotAccepted'],
      ['更衣柜更新', 'Accepted'],
      ['延长午休时间', 'Submitted'],
    ]);
    expect(proposals[0]).toMatchObject({
      proposalId: canteen,
      submittedOn: '2026-03-10',
      decidedOn: '2026-03-18',
      answeredOn: '2026-04-01',
      answer: '食堂已增设窗口',
      implementedOn: '2026-05-01',
      reason: null,
      mergedIntoProposalId: null,
    });
    expect(proposals[2]).toMatchObject({ proposalId: bus, mergedIntoProposalId: shuttle });
    expect(proposals[3]).toMatchObject({
      proposalId: parking,
      reason: '属个人诉求，转工会办理',
      answeredOn: null,
      implementedOn: null,
    });
    expect(proposals[5]).toMatchObject({ decidedOn: null, status: 'Submitted' });

    // The cadre and the district officer of the union read the same sheet.
    expect((await get(cadre, `/congresses/${congress}/proposals`)).body).toEqual(sheet.body);
    expect((await get(officer, `/congresses/${congress}/proposals`)).body).toEqual(sheet.body);
    // The next session's list has only its own proposal.
    const next = await get(cadre, `/congresses/${other}/proposals`);
    expect([
      next.body['total'],
      (next.body['counts'] as Record<string, number>)['Submitted'],
    ]).toEqual([1, 1]);
  });

  it('answers a session outside the scope as it answers an absent one: 404', async () => {
    const congress = await hold('2026-03-20');
    await submit(congress, '改善职工食堂', '2026-03-10');
    const outside = await get(neighbour, `/congresses/${congress}/proposals`);
    const otherDistrict = await get(eastOfficer, `/congresses/${congress}/proposals`);
    const absent = await get(cadre, '/congresses/00000000-0000-4000-8000-000000000000/proposals');
    expect([outside.status, otherDistrict.status, absent.status]).toEqual([404, 404, 404]);
    expect(outside.body['code']).toBe(absent.body['code']);
  });
});
