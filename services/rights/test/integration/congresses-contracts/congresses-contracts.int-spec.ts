import { randomUUID } from 'node:crypto';

import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';

import { answerClock } from '../../../src/collective-contracts';
import { rightsSuite } from '../../rights-test-kit';

/** 职代会 and 集体合同 through HTTP: the quorum rule, resolutions, the 20-day answer clock. */
describe('workers’ congresses and requests to negotiate', () => {
  const { rights, region, ids, cadre, neighbour, officer, auditor, post, get } = rightsSuite();
  const session = (overrides: object = {}) => ({
    unionId: ids.u1,
    heldOn: '2026-03-18',
    delegatesEntitled: 60,
    delegatesPresent: 40,
    ...overrides,
  });
  const negotiation = (overrides: object = {}) => ({
    unionId: ids.u1,
    kind: 'wage',
    employerIds: [randomUUID()],
    requestedOn: '2026-03-01',
    ...overrides,
  });

  beforeAll(() => rights.publish(region.events), 90_000);

  it('records a congress session with a quorum, its resolutions, and shows it in scope only', async () => {
    const created = await post(cadre, '/congresses', session());
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(
      (
        await post(officer, `/congresses/${id}/resolutions`, {
          title: '工资集体协商方案',
          votesFor: 31,
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(cadre, `/congresses/${id}/resolutions`, { title: '福利调整', votesFor: 30 }))
        .status,
    ).toBe(201);
    const read = await get(auditor, `/congresses/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      unionId: ids.u1,
      kind: 'workers',
      delegatesPresent: 40,
      resolutions: [
        { title: '工资集体协商方案', votesFor: 31, passed: true },
        { title: '福利调整', votesFor: 30, passed: false },
      ],
      version: 3,
    });
    expect((await get(neighbour, `/congresses/${id}`)).status).toBe(404);
    expect(
      (await post(neighbour, `/congresses/${id}/resolutions`, { title: '越权', votesFor: 40 }))
        .status,
    ).toBe(404);
  });

  it('refuses a session without two thirds present, and an auditor, appending nothing', async () => {
    const before = await rights.count('CongressHeld');
    const short = await post(cadre, '/congresses', session({ delegatesPresent: 39 }));
    expect([short.status, short.body['code']]).toEqual([422, 'CONGRESS_QUORUM_NOT_MET']);
    expect(short.body['zh']).toContain('会议无效');
    expect((await post(auditor, '/congresses', session())).status).toBe(403);
    expect((await post(neighbour, '/congresses', session())).status).toBe(404);
    const ended = await post(officer, '/congresses', session({ unionId: ids.ended }));
    expect([ended.status, ended.body['code']]).toEqual([422, 'UNION_ENDED']);
    expect(await rights.count('CongressHeld')).toBe(before);
  });

  it('records a request to negotiate and its written answer; in scope only', async () => {
    const created = await post(cadre, '/contracts', negotiation());
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect((await get(officer, `/contracts/${id}`)).body).toMatchObject({
      status: 'Requested',
      kind: 'wage',
      requestedOn: '2026-03-01',
      answerDueOn: '2026-03-21',
    });
    expect(
      (await post(neighbour, `/contracts/${id}/answer`, { answeredOn: '2026-03-10' })).status,
    ).toBe(404);
    expect(
      (await post(cadre, `/contracts/${id}/answer`, { answeredOn: '2026-03-10' })).status,
    ).toBe(200);
    expect((await get(cadre, `/contracts/${id}`)).body).toMatchObject({
      status: 'Answered',
      answeredOn: '2026-03-10',
    });
    const bad = await post(cadre, '/contracts', negotiation({ kind: 'pension', employerIds: [] }));
    expect([bad.status, bad.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('records an unanswered request overdue on day 21, once, also across a restart', async () => {
    const late = (await post(cadre, '/contracts', negotiation({ requestedOn: '2025-10-01' }))).body[
      'id'
    ] as string;
    const answered = (await post(cadre, '/contracts', negotiation({ requestedOn: '2025-10-01' })))
      .body['id'] as string;
    await post(cadre, `/contracts/${answered}/answer`, { answeredOn: '2025-10-15' });
    const run = (day: string) =>
      new DeadlineClocks(rights.store, {
        clocks: [answerClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00+08:00`),
      }).runDue(answerClock.name);

    expect((await run('2025-10-21')).ran).toBe(0); // day 20: still in time
    expect((await run('2025-10-22')).ran).toBe(1); // day 21
    expect((await run('2025-10-22')).ran).toBe(0);
    expect((await get(cadre, `/contracts/${late}`)).body['status']).toBe('Overdue');
    expect((await get(cadre, `/contracts/${answered}`)).body['status']).toBe('Answered');
  });

  it('takes a proposal to a session through to its implementation, in scope only', async () => {
    const congress = (await post(cadre, '/congresses', session())).body['id'] as string;
    const created = await post(cadre, '/proposals', {
      congressId: congress,
      title: '改善职工食堂',
      submittedBy: '王芳等5名代表',
      submittedOn: '2026-03-10',
    });
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(
      (
        await post(neighbour, `/proposals/${id}/decision`, {
          outcome: 'accepted',
          decidedOn: '2026-03-18',
        })
      ).status,
    ).toBe(404);
    const noReason = await post(officer, `/proposals/${id}/decision`, {
      outcome: 'not_accepted',
      decidedOn: '2026-03-18',
    });
    expect([noReason.status, noReason.body['code']]).toEqual([422, 'REASON_REQUIRED']);
    expect(
      (
        await post(officer, `/proposals/${id}/decision`, {
          outcome: 'accepted',
          decidedOn: '2026-03-18',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(cadre, `/proposals/${id}/answer`, {
          answeredOn: '2026-04-01',
          answer: '食堂已增设窗口',
        })
      ).status,
    ).toBe(200);
    expect(
      (await post(cadre, `/proposals/${id}/implementation`, { implementedOn: '2026-05-01' }))
        .status,
    ).toBe(200);
    expect((await get(auditor, `/proposals/${id}`)).body).toMatchObject({
      status: 'Implemented',
      congressId: congress,
      unionId: ids.u1,
      answer: '食堂已增设窗口',
      version: 4,
    });
    expect((await get(neighbour, `/proposals/${id}`)).status).toBe(404);
    expect(
      (
        await post(neighbour, '/proposals', {
          congressId: congress,
          title: '越权',
          submittedBy: '外人',
          submittedOn: '2026-03-10',
        })
      ).status,
    ).toBe(404);
  });
});
