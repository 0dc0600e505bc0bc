import { randomUUID } from 'node:crypto';

import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import type { TestCaller } from '@taizhang/testing';

import { hotlineAnswerClock } from '../../../src/hotline';
import { orgEvent, rightsSuite } from '../../rights-test-kit';

/** 12351 热线 and 法律援助 through HTTP: scope follows the holder, assignment, onTime, the clock. */
describe('hotline tickets (12351 热线工单)', () => {
  const {
    rights,
    region,
    ids,
    paths,
    cadre,
    officer,
    eastOfficer,
    cityOfficer,
    auditor,
    post,
    get,
  } = rightsSuite();
  // A street under the west district, and a union under the street.
  const street = randomUUID();
  const streetUnion = randomUUID();
  const streetPath = `${paths.west}/${street}`;
  const streetUnionPath = `${streetPath}/${streetUnion}`;
  const events = [
    ...region.events,
    orgEvent('OrgUnitCreated', street, streetPath, {
      orgUnitId: street,
      code: street.slice(0, 8),
      name: '街道总工会',
      kind: 'street',
      parentId: ids.west,
      orgPath: streetPath,
    }),
    orgEvent('UnionRegistered', streetUnion, streetUnionPath, {
      unionId: streetUnion,
      name: '商贸城工会',
      parentId: street,
      establishedOn: '2010-01-01',
      orgPath: streetUnionPath,
    }),
  ];
  const ticket = (overrides: object = {}) => ({
    orgUnitId: ids.west,
    channel: 'phone_12351',
    category: 'unpaid_wages',
    receivedAt: '2026-03-01T09:30:00+08:00',
    callerName: '张伟',
    callerUnionId: ids.u1,
    summary: '公司拖欠三个月工资，要求帮助追讨',
    ...overrides,
  });
  const receive = async (caller: TestCaller, overrides: object = {}) => {
    const created = await post(caller, '/hotline-tickets', ticket(overrides));
    expect(created.status).toBe(201);

    return created.body.id as string;
  };

  beforeAll(() => rights.publish(events), 90_000);

  it('receives a ticket at the district, read there and above, not by a union below nor a neighbour', async () => {
    const id = await receive(officer);
    const read = await get(officer, `/hotline-tickets/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.body).toMatchObject({
      ticketId: id,
      status: 'Open',
      receivedBy: ids.west,
      orgUnitId: ids.west,
      tier: 'district',
      receivedOn: '2026-03-01',
      answerDueOn: '2026-03-11',
      callerName: '张伟',
      summary: '公司拖欠三个月工资，要求帮助追讨',
      legalAid: false,
    });
    for (const reader of [cityOfficer, auditor])
      expect((await get(reader, `/hotline-tickets/${id}`)).status).toBe(200);
    for (const outsider of [cadre, eastOfficer]) {
      const outside = await get(outsider, `/hotline-tickets/${id}`);
      expect([outside.status, outside.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await get(officer, `/hotline-tickets/${randomUUID()}`)).status).toBe(404);
  });

  it('assigns it down to the street and then its union, which then holds it; never up or aside', async () => {
    const id = await receive(officer, { category: 'legal_aid', channel: 'walk_in' });
    const toStreet = await post(officer, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: street,
      assignedAt: '2026-03-01T15:00:00+08:00',
    });
    expect(toStreet.status).toBe(200);
    const toUnion = await post(officer, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: streetUnion,
      assignedAt: '2026-03-02T09:00:00+08:00',
    });
    expect(toUnion.status).toBe(200);
    const streetUnionCadre = { role: 'union_cadre' as const, orgPath: streetUnionPath };
    const view = await get(streetUnionCadre, `/hotline-tickets/${id}`);
    expect(view.body).toMatchObject({
      orgUnitId: streetUnion,
      tier: 'union',
      legalAid: true,
      answerDueOn: '2026-03-06',
      assignments: [
        { fromOrgUnitId: ids.west, toOrgUnitId: street },
        { fromOrgUnitId: street, toOrgUnitId: streetUnion },
      ],
    });
    // Back up to the district: refused; to a union of another district: outside, 404.
    const up = await post(streetUnionCadre, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: ids.west,
      assignedAt: '2026-03-02T10:00:00+08:00',
    });
    expect(up.status).toBe(404);
    const upByOfficer = await post(officer, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: ids.u1,
      assignedAt: '2026-03-02T10:00:00+08:00',
    });
    expect([upByOfficer.status, upByOfficer.body.code]).toEqual([422, 'NOT_BELOW_HOLDER']);
    expect(upByOfficer.body['zh']).toContain('下级');
    const aside = await post(cityOfficer, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: ids.u2,
      assignedAt: '2026-03-02T10:00:00+08:00',
    });
    expect([aside.status, aside.body.code]).toEqual([422, 'NOT_BELOW_HOLDER']);
    const eastward = await post(officer, `/hotline-tickets/${id}/assignment`, {
      toOrgUnitId: ids.u2,
      assignedAt: '2026-03-02T10:00:00+08:00',
    });
    expect(eastward.status).toBe(404);
  });

  it('refuses an auditor, a unit outside, an ended union and a bad body, appending nothing', async () => {
    const before = await rights.count('HotlineTicketReceived');
    expect((await post(auditor, '/hotline-tickets', ticket())).status).toBe(403);
    expect((await post(eastOfficer, '/hotline-tickets', ticket())).status).toBe(404);
    expect((await post(cadre, '/hotline-tickets', ticket())).status).toBe(404);
    const ended = await post(officer, '/hotline-tickets', ticket({ orgUnitId: ids.ended }));
    expect([ended.status, ended.body.code]).toEqual([422, 'UNION_ENDED']);
    const future = await post(
      officer,
      '/hotline-tickets',
      ticket({ receivedAt: '2999-01-01T00:00:00Z' }),
    );
    expect([future.status, future.body.code]).toEqual([422, 'DATE_IN_FUTURE']);
    for (const bad of [
      ticket({ channel: 'fax' }),
      ticket({ receivedAt: '2026-03-01' }),
      ticket({ summary: ' ' }),
      ticket({ legalAid: 'yes' }),
      { ...ticket(), extra: 1 },
    ]) {
      const refused = await post(officer, '/hotline-tickets', bad);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await rights.count('HotlineTicketReceived')).toBe(before);
  });

  it('answers a repeated Idempotency-Key with the first answer; a stale If-Match is a 409', async () => {
    const key = { 'idempotency-key': `hotline-${randomUUID()}` };
    const first = await post(officer, '/hotline-tickets', ticket(), key);
    const again = await post(officer, '/hotline-tickets', ticket(), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const id = first.body.id as string;
    const stale = await post(
      officer,
      `/hotline-tickets/${id}/call-back`,
      { calledBackAt: '2026-03-02T10:00:00+08:00', note: '已转企业核实' },
      { 'if-match': '5' },
    );
    expect([stale.status, stale.body.code]).toEqual([409, 'CONCURRENCY_CONFLICT']);
    expect((await get(officer, `/hotline-tickets/${id}`)).body['callBacks']).toEqual([]);
  });

  it('closes on time after a timely call-back, late without one, once', async () => {
    const timely = await receive(cadre, { orgUnitId: ids.u1 });
    expect(
      (
        await post(cadre, `/hotline-tickets/${timely}/call-back`, {
          calledBackAt: '2026-03-06T18:00:00+08:00',
          note: '企业同意补发工资',
        })
      ).status,
    ).toBe(200);
    const closeBody = {
      closedAt: '2026-03-20T10:00:00+08:00',
      outcome: 'resolved',
      satisfaction: 5,
      wagesRecoveredFen: 1_500_000,
    };
    expect((await post(cadre, `/hotline-tickets/${timely}/closure`, closeBody)).status).toBe(200);
    expect((await get(cadre, `/hotline-tickets/${timely}`)).body).toMatchObject({
      status: 'Closed',
      answeredOn: '2026-03-06',
      onTime: true,
      satisfaction: 5,
      wagesRecoveredFen: 1_500_000,
    });
    const twice = await post(cadre, `/hotline-tickets/${timely}/closure`, closeBody);
    expect([twice.status, twice.body.code]).toEqual([422, 'TICKET_CLOSED']);

    const late = await receive(cadre, { orgUnitId: ids.u1 });
    expect(
      (
        await post(cadre, `/hotline-tickets/${late}/closure`, {
          closedAt: '2026-03-07T09:00:00+08:00',
          outcome: 'referred',
        })
      ).status,
    ).toBe(200);
    expect((await get(cadre, `/hotline-tickets/${late}`)).body).toMatchObject({
      onTime: false,
      satisfaction: null,
      wagesRecoveredFen: 0,
    });
    const early = await post(
      cadre,
      `/hotline-tickets/${await receive(cadre, { orgUnitId: ids.u1 })}/call-back`,
      {
        calledBackAt: '2026-02-28T09:00:00+08:00',
        note: '回复',
      },
    );
    expect([early.status, early.body.code]).toEqual([422, 'BEFORE_RECEIPT']);
  });

  it('records an unanswered ticket overdue the day after its last day, once, also across a restart', async () => {
    const at = '2025-11-01T10:00:00+08:00';
    const direct = await receive(cadre, { orgUnitId: ids.u1, receivedAt: at });
    const handedDown = await receive(officer, { receivedAt: at });
    await post(officer, `/hotline-tickets/${handedDown}/assignment`, {
      toOrgUnitId: ids.u1,
      assignedAt: '2025-11-02T10:00:00+08:00',
    });
    const answered = await receive(cadre, { orgUnitId: ids.u1, receivedAt: at });
    await post(cadre, `/hotline-tickets/${answered}/call-back`, {
      calledBackAt: '2025-11-03T10:00:00+08:00',
      note: '已答复',
    });
    const before = await rights.count('HotlineTicketOverdue');
    // A clock runner as the app has one; a new runner stands for the service after a restart.
    const run = (day: string) =>
      new DeadlineClocks(rights.store, {
        clocks: [hotlineAnswerClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00+08:00`),
      }).runDue(hotlineAnswerClock.name);

    expect((await run('2025-11-06')).ran).toBe(0); // the union's 5th day: still in time
    expect((await run('2025-11-07')).ran).toBe(2);
    expect((await run('2025-11-07')).ran).toBe(0);
    // The district's own day (11-11) was replaced by the union's when it was handed down.
    expect((await run('2025-11-20')).ran).toBe(0);
    const overdue = await rights.db.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = 'HotlineTicketOverdue'`,
    );
    const streams = overdue.rows.map((row) => row.stream_id);
    expect(streams).toEqual(
      expect.arrayContaining([`hotline-ticket-${direct}`, `hotline-ticket-${handedDown}`]),
    );
    expect(streams).not.toContain(`hotline-ticket-${answered}`);
    expect(await rights.count('HotlineTicketOverdue')).toBe(before + 2);
    expect((await get(cadre, `/hotline-tickets/${handedDown}`)).body).toMatchObject({
      overdue: true,
      answerDueOn: '2025-11-06',
    });
  });
});
