import { randomUUID } from 'node:crypto';

import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';

import { rectificationClock } from '../../../src/labour-protection';
import { rightsSuite } from '../../rights-test-kit';

/** 劳动保护监督检查 through HTTP: inspections, hazards, rectification and its clock. */
describe('labour-protection inspections and hazards', () => {
  const { rights, region, ids, cadre, neighbour, officer, auditor, post, get } = rightsSuite();
  const inspection = (overrides: object = {}) => ({
    unionId: ids.u1,
    kind: 'general',
    inspectedOn: '2026-03-01',
    employerName: '沈阳第一机床厂',
    inspectors: ['张伟', '李娜'],
    findings: '车间通风良好，消防通道部分堵塞',
    ...overrides,
  });
  const hazard = (overrides: object = {}) => ({
    description: '二号车间消防通道堵塞',
    severity: 'major',
    foundOn: '2026-03-01',
    ...overrides,
  });
  const inspect = async (overrides: object = {}) => {
    const created = await post(cadre, '/inspections', inspection(overrides));
    expect(created.status).toBe(201);

    return created.body['id'] as string;
  };
  const findHazard = async (inspectionId: string, overrides: object = {}) => {
    const found = await post(cadre, `/inspections/${inspectionId}/hazards`, hazard(overrides));
    expect(found.status).toBe(201);

    return found.body['id'] as string;
  };

  beforeAll(() => rights.publish(region.events), 90_000);

  it('records an inspection, Chinese exactly, that the union and the federations above read, no one else', async () => {
    const id = await inspect();
    const read = await get(officer, `/inspections/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.body).toMatchObject({
      inspectionId: id,
      unionId: ids.u1,
      kind: 'general',
      periodsChecked: [],
      employerName: '沈阳第一机床厂',
      employerId: null,
      inspectors: ['张伟', '李娜'],
      findings: '车间通风良好，消防通道部分堵塞',
      hazards: [],
      version: 1,
    });
    expect((await get(auditor, `/inspections/${id}`)).status).toBe(200);
    const outside = await get(neighbour, `/inspections/${id}`);
    expect([outside.status, outside.body['code']]).toEqual([404, 'NOT_FOUND']);
    expect((await get(cadre, `/inspections/${randomUUID()}`)).status).toBe(404);
    expect((await post(neighbour, `/inspections/${id}/hazards`, hazard())).status).toBe(404);
  });

  it('records a women workers’ special protection inspection (女职工"五期") with its periods', async () => {
    const id = await inspect({
      kind: 'women_special',
      periodsChecked: ['pregnancy', 'nursing', 'menopause'],
      employerName: undefined,
      employerId: '91210100MA0XXXXX1Q',
    });
    expect((await get(cadre, `/inspections/${id}`)).body).toMatchObject({
      kind: 'women_special',
      periodsChecked: ['pregnancy', 'nursing', 'menopause'],
      employerName: null,
      employerId: '91210100MA0XXXXX1Q',
    });
  });

  it('refuses an ended union, missing periods, an auditor, outside and bad bodies, appending nothing', async () => {
    const before = await rights.count('LabourInspectionRecorded');
    const ended = await post(officer, '/inspections', inspection({ unionId: ids.ended }));
    expect([ended.status, ended.body['code']]).toEqual([422, 'UNION_ENDED']);
    expect(ended.body['zh']).toContain('撤销');
    const periods = await post(cadre, '/inspections', inspection({ kind: 'women_special' }));
    expect([periods.status, periods.body['code']]).toEqual([422, 'PERIODS_REQUIRED']);
    expect((await post(auditor, '/inspections', inspection())).status).toBe(403);
    expect((await post(neighbour, '/inspections', inspection())).status).toBe(404);
    expect((await post(officer, '/inspections', inspection({ unionId: ids.west }))).status).toBe(
      404,
    );
    for (const bad of [
      inspection({ employerName: undefined }),
      inspection({ kind: 'audit' }),
      inspection({ inspectors: [] }),
      inspection({ periodsChecked: ['holiday'] }),
      { ...inspection(), extra: 1 },
    ]) {
      const refused = await post(cadre, '/inspections', bad);
      expect([refused.status, refused.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await rights.count('LabourInspectionRecorded')).toBe(before);
  });

  it('takes a hazard from its finding to a verified rectification; the due date within the rule', async () => {
    const id = await inspect();
    const hazardId = await findHazard(id);
    const base = `/inspections/${id}/hazards/${hazardId}`;
    // 较大: at most 15 days (national rule set, version 1).
    const tooLong = await post(cadre, `${base}/rectification-request`, {
      requestedOn: '2026-03-02',
      dueOn: '2026-03-18',
    });
    expect([tooLong.status, tooLong.body['code']]).toEqual([422, 'DUE_BEYOND_RULE']);
    expect(tooLong.body['zh']).toContain('15天');
    expect(
      (
        await post(officer, `${base}/rectification-request`, {
          requestedOn: '2026-03-02',
          dueOn: '2026-03-17',
        })
      ).status,
    ).toBe(200);
    const early = await post(cadre, `${base}/verification`, {
      verifiedOn: '2026-03-10',
      by: '王芳',
    });
    expect([early.status, early.body['code']]).toEqual([422, 'NOT_RECTIFIED']);
    expect((await post(cadre, `${base}/rectified`, { rectifiedOn: '2026-03-09' })).status).toBe(
      200,
    );
    expect(
      (await post(officer, `${base}/verification`, { verifiedOn: '2026-03-10', by: '王芳' }))
        .status,
    ).toBe(200);
    const read = await get(auditor, `/inspections/${id}`);
    expect(read.body).toMatchObject({
      version: 5,
      hazards: [
        {
          hazardId,
          description: '二号车间消防通道堵塞',
          severity: 'major',
          status: 'Verified',
          requestedOn: '2026-03-02',
          dueOn: '2026-03-17',
          overdue: false,
          rectifiedOn: '2026-03-09',
          verifiedOn: '2026-03-10',
          verifiedBy: '王芳',
        },
      ],
    });
    const { rows } = await rights.db.pool.query<{ data: { ruleSet: unknown } }>(
      `SELECT data FROM events WHERE type = 'HazardRectificationRequested' AND stream_id = $1`,
      [`inspection-${id}`],
    );
    expect(rows[0]!.data.ruleSet).toEqual({ region: 'national', version: 1 });
    // An unknown hazard of a known inspection is 404.
    const unknown = await post(cadre, `/inspections/${id}/hazards/${randomUUID()}/rectified`, {
      rectifiedOn: '2026-03-09',
    });
    expect(unknown.status).toBe(404);
  });

  it('answers a repeated Idempotency-Key with the first answer; a stale If-Match is a 409', async () => {
    const id = await inspect();
    const key = { 'idempotency-key': `hazard-${randomUUID()}` };
    const first = await post(cadre, `/inspections/${id}/hazards`, hazard(), key);
    const again = await post(cadre, `/inspections/${id}/hazards`, hazard(), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body['id']).toBe(first.body['id']);
    expect(await rights.count('HazardFound')).toBeGreaterThan(0);
    expect(((await get(cadre, `/inspections/${id}`)).body['hazards'] as unknown[]).length).toBe(1);
    const stale = await post(cadre, `/inspections/${id}/hazards`, hazard(), { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(
      (await post(cadre, `/inspections/${id}/hazards`, hazard(), { 'if-match': '2' })).status,
    ).toBe(201);
  });

  it('records a hazard not rectified by its due date overdue on the day after, once, also across a restart', async () => {
    const id = await inspect({ inspectedOn: '2025-10-01' });
    const late = await findHazard(id, { foundOn: '2025-10-01', severity: 'serious' });
    const inTime = await findHazard(id, { foundOn: '2025-10-01', severity: 'minor' });
    for (const hazardId of [late, inTime])
      expect(
        (
          await post(cadre, `/inspections/${id}/hazards/${hazardId}/rectification-request`, {
            requestedOn: '2025-10-02',
            dueOn: '2025-10-09',
          })
        ).status,
      ).toBe(200);
    await post(cadre, `/inspections/${id}/hazards/${inTime}/rectified`, {
      rectifiedOn: '2025-10-09',
    });
    const before = await rights.count('HazardRectificationOverdue');
    // A clock runner as the app has one; a new runner stands for the service after a restart.
    const run = (day: string) =>
      new DeadlineClocks(rights.store, {
        clocks: [rectificationClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00+08:00`),
      }).runDue(rectificationClock.name);

    expect((await run('2025-10-09')).ran).toBe(0); // the due date: still in time
    expect((await run('2025-10-10')).ran).toBe(1); // the day after
    expect((await run('2025-10-10')).ran).toBe(0);
    expect((await run('2025-11-01')).ran).toBe(0);
    expect(await rights.count('HazardRectificationOverdue')).toBe(before + 1);
    const { rows } = await rights.db.pool.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM events WHERE type = 'HazardRectificationOverdue' AND stream_id = $1`,
      [`inspection-${id}`],
    );
    expect(rows.map((row) => row.data)).toEqual([
      expect.objectContaining({ hazardId: late, dueOn: '2025-10-09', overdueOn: '2025-10-10' }),
    ]);
    // Rectified late: recorded, still overdue once.
    expect(
      (
        await post(cadre, `/inspections/${id}/hazards/${late}/rectified`, {
          rectifiedOn: '2025-10-20',
        })
      ).status,
    ).toBe(200);
    expect(await rights.count('HazardRectificationOverdue')).toBe(before + 1);
    const view = await get(cadre, `/inspections/${id}`);
    expect(view.body['hazards']).toEqual([
      expect.objectContaining({ hazardId: late, status: 'Rectified', overdue: true }),
      expect.objectContaining({ hazardId: inTime, status: 'Rectified', overdue: false }),
    ]);
  });
});
