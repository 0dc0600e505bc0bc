import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { reportingRegistry, Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, readTopicMessages, startServices } from '@taizhang/testing';

import { frozenFigures } from '../../../src/report-submissions/figure-changes';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

const PATHS: Record<string, string> = {
  m: 'm',
  d1: 'm/d1',
  d2: 'm/d2',
  s1: 'm/d1/s1',
  s2: 'm/d1/s2',
  a: 'm/d1/s1/a',
  x: 'm/d2/x',
};
const recorded = (day: string) => `${day}T02:00:00.000Z`;
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, PATHS[id]!, {
    streamId: `org-unit-${id}`,
    recordedAt: recorded('2019-12-01'),
  });
const joined = (id: string, unionId: string, joinedOn: string, recordedAt: string) =>
  organisationEnvelope(
    'MemberJoined',
    PATHS[unionId]!,
    {
      memberId: id,
      unionId,
      name: '王芳',
      joinedOn,
      gender: 'female',
      employmentForm: 'regular',
      migrantWorker: false,
    },
    { orgUnitId: unionId, streamId: `member-${id}`, streamVersion: 1, recordedAt },
  );

/** City m; districts d1, d2; streets s1, s2 of d1; union a of s1 with two members by 2025-12. */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('d2', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd1'),
  organisationEnvelope(
    'UnionRegistered',
    PATHS['a']!,
    {
      unionId: 'a',
      name: 'a工会',
      parentId: 's1',
      establishedOn: '2020-01-01',
      orgPath: PATHS['a'],
    },
    { orgUnitId: 'a', streamId: 'union-a', streamVersion: 1, recordedAt: recorded('2020-01-02') },
  ),
  joined('p1', 'a', '2025-11-03', recorded('2025-11-04')),
  joined('p2', 'a', '2025-12-01', recorded('2025-12-02')),
];

describe('报表报送: reports submitted upward (POST/GET /reports/…/submissions)', () => {
  let running: RunningServices;
  let producer: Producer;
  const base = () => running.urls['reporting']!;
  const street = () => running.as({ role: 'federation_officer', orgPath: 'm/d1/s1' });
  const district = () => running.as({ role: 'federation_officer', orgPath: 'm/d1' });
  const city = () => running.as({ role: 'federation_officer', orgPath: 'm' });
  const neighbour = () => running.as({ role: 'federation_officer', orgPath: 'm/d2' });
  const send = (events: EventEnvelope[]) =>
    producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => running.eventKeys['organisation']!.message(event)),
    });
  const submit = (
    caller: ReturnType<typeof street>,
    unitId: string,
    period: unknown,
    headers = {},
  ) => caller.post(`${base()}/reports/org-units/${unitId}/submissions`, { period }, headers);
  let first: string;

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(history());
    await eventually(
      () => city().get(`${base()}/reports/org-units/s1/summary?asOf=2025-12-31`),
      (answer) => answer.body['members'] === 2,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('freezes the street’s figures of December as known at the instant (ReportSubmitted)', async () => {
    const answer = await submit(street(), 's1', '2025-12');

    expect(answer.status).toBe(201);
    first = answer.body['id'] as string;
    expect(answer.body).toMatchObject({ streamId: 'report-s1-month-2025-12', streamVersion: 1 });
    const report = await district().get(`${base()}/reports/submissions/${first}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      reportId: first,
      orgUnitId: 's1',
      kind: 'street',
      period: { kind: 'month', value: '2025-12' },
      asOf: '2025-12-31',
      version: 1,
      supersedes: null,
      latest: true,
      submittedBy: { username: expect.any(String) as string },
      changesSince: [],
    });
    expect(report.body['knownAt']).toBe(report.body['submittedAt']);
    // The snapshot is the summary of the day as known at the instant, figure by figure.
    const knownAt = encodeURIComponent(report.body['knownAt'] as string);
    const summary = await district().get(
      `${base()}/reports/org-units/s1/summary?asOf=2025-12-31&knownAt=${knownAt}`,
    );
    const {
      orgUnitId: _id,
      employerRegistry,
      knownAt: _k,
      lateChanges: _l,
      ...figures
    } = summary.body;
    expect(report.body['figures']).toEqual(frozenFigures(figures));
    expect(report.body['employerRegistry']).toEqual(employerRegistry);
    expect(figures).toMatchObject({ members: 2, unions: 1, femaleMembers: 2 });
  });

  it('publishes the event, signed, on reporting’s own topic, for an auditor to replay', async () => {
    const [message] = await readTopicMessages(
      running.topics.kafka,
      running.topics.names[Topics.reporting]!,
      1,
    );
    const envelope = JSON.parse(message!.value!) as EventEnvelope;

    expect(message!.headers['event-type']).toBe('ReportSubmitted');
    expect(message!.headers['event-signature']).toBeTruthy();
    expect(envelope).toMatchObject({
      type: 'ReportSubmitted',
      orgUnitId: 's1',
      orgPath: 'm/d1/s1',
    });
    expect(
      reportingRegistry.validate(envelope.type, envelope.schemaVersion, envelope.data),
    ).toMatchObject({
      reportId: first,
      figures: { members: 2 },
    });
  });

  it('shows the district which of its streets submitted, when and by whom', async () => {
    const answer = await district().get(
      `${base()}/reports/org-units/d1/submissions?period=2025-12`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orgUnitId: 'd1',
      kind: 'district',
      period: { kind: 'month', value: '2025-12' },
      asOf: '2025-12-31',
      own: null,
      submitted: 1,
      notYet: 1,
    });
    expect(answer.body['children']).toEqual([
      {
        orgUnitId: 's1',
        name: expect.anything() as unknown,
        kind: 'street',
        submission: {
          reportId: first,
          version: 1,
          submittedAt: expect.any(String) as string,
          knownAt: expect.any(String) as string,
          submittedBy: expect.objectContaining({
            username: expect.any(String) as string,
          }) as unknown,
        },
      },
      { orgUnitId: 's2', name: expect.anything() as unknown, kind: 'street', submission: null },
    ]);
    // Another period: nobody yet.
    const year = await district().get(`${base()}/reports/org-units/d1/submissions?period=2025`);
    expect(year.body).toMatchObject({ period: { kind: 'year', value: '2025' }, submitted: 0 });
  });

  it('keeps the report as frozen when a late entry arrives, and shows it in changesSince', async () => {
    // Entered after the submission, about 2025-12-20.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await send([joined('p3', 'a', '2025-12-20', new Date().toISOString())]);
    await eventually(
      () => city().get(`${base()}/reports/org-units/s1/summary?asOf=2025-12-31`),
      (answer) => answer.body['members'] === 3,
      30_000,
    );
    const report = await city().get(`${base()}/reports/submissions/${first}`);

    expect(report.body['figures']).toMatchObject({ members: 2, femaleMembers: 2 });
    expect(report.body['changesSince']).toEqual(
      expect.arrayContaining([
        { figure: 'members', then: 2, now: 3, change: 1 },
        { figure: 'femaleMembers', then: 2, now: 3, change: 1 },
      ]),
    );
    const changed = (
      report.body['changesSince'] as { figure: string; change: number | null }[]
    ).map((c) => c.figure);
    expect(changed).not.toContain('unions');
    for (const change of report.body['changesSince'] as { change: number | null }[])
      expect(change.change).not.toBe(0);
  });

  it('records a correction 更正 as the next version; the district sees the latest', async () => {
    const answer = await submit(street(), 's1', '2025-12');

    expect(answer.status).toBe(201);
    expect(answer.body['streamVersion']).toBe(2);
    const second = answer.body['id'] as string;
    const report = await district().get(`${base()}/reports/submissions/${second}`);
    expect(report.body).toMatchObject({
      version: 2,
      supersedes: first,
      latest: true,
      changesSince: [],
    });
    expect(report.body['figures']).toMatchObject({ members: 3 });
    const old = await district().get(`${base()}/reports/submissions/${first}`);
    expect(old.body).toMatchObject({ latest: false, latestReportId: second });
    const state = await district().get(`${base()}/reports/org-units/d1/submissions?period=2025-12`);
    expect(
      (state.body['children'] as { submission: { reportId: string } | null }[])[0]!.submission,
    ).toMatchObject({ reportId: second, version: 2 });
    // A stale If-Match is a conflict and appends nothing.
    const stale = await submit(street(), 's1', '2025-12', { 'if-match': '1' });
    expect(stale.status).toBe(409);
  });

  it('answers the same Idempotency-Key and period with the first answer, appending nothing', async () => {
    const once = await submit(street(), 's1', '2025-11', {
      'idempotency-key': 'report-s1-2025-11',
    });
    const again = await submit(street(), 's1', '2025-11', {
      'idempotency-key': 'report-s1-2025-11',
    });

    expect(once.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(once.body);
    const other = await submit(street(), 's1', '2025-10', {
      'idempotency-key': 'report-s1-2025-11',
    });
    expect(other.status).toBe(422);
    const { rows } = await running.databases['reporting']!.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id = 'report-s1-month-2025-11'`,
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses a period not over, a union, the city, someone else’s unit, an auditor; 404 outside', async () => {
    const thisMonth = new Date().toISOString().slice(0, 7);
    const refused = async (answer: Promise<{ status: number; body: Record<string, unknown> }>) => {
      const { status, body } = await answer;

      return [status, body['code']];
    };

    expect(await refused(submit(street(), 's1', thisMonth))).toEqual([
      422,
      'REPORT_PERIOD_NOT_ENDED',
    ]);
    expect(
      await refused(
        submit(running.as({ role: 'federation_officer', orgPath: 'm/d1/s1/a' }), 'a', '2025-12'),
      ),
    ).toEqual([422, 'REPORT_UNIT_NOT_SUBMITTING']);
    expect(await refused(submit(city(), 'm', '2025-12'))).toEqual([
      422,
      'REPORT_UNIT_NOT_SUBMITTING',
    ]);
    // The district sees s2 but submits only its own report.
    expect(await refused(submit(district(), 's2', '2025-12'))).toEqual([
      403,
      'REPORT_NOT_OWN_UNIT',
    ]);
    expect(
      (await submit(running.as({ role: 'auditor', orgPath: 'm' }), 's1', '2025-12')).status,
    ).toBe(403);
    expect((await submit(neighbour(), 's1', '2025-12')).status).toBe(404);
    expect((await submit(neighbour(), 'nowhere', '2025-12')).status).toBe(404);
    for (const period of ['2025-13', '25-12', 2025, null, '2025-12-31'])
      expect((await submit(street(), 's1', period)).status).toBe(400);
    const { rows } = await running.databases['reporting']!.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE 'report-%'`,
    );
    // The two of December, one of November; nothing refused was appended.
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('shows a report and the children’s state only inside the caller’s subtree', async () => {
    expect((await neighbour().get(`${base()}/reports/submissions/${first}`)).status).toBe(404);
    expect(
      (await neighbour().get(`${base()}/reports/submissions/00000000-0000-4000-8000-000000000000`))
        .status,
    ).toBe(404);
    expect(
      (await neighbour().get(`${base()}/reports/org-units/d1/submissions?period=2025-12`)).status,
    ).toBe(404);
    expect(
      (await district().get(`${base()}/reports/org-units/d1/submissions?period=12-2025`)).status,
    ).toBe(400);
    const auditor = running.as({ role: 'auditor', orgPath: 'm' });
    expect((await auditor.get(`${base()}/reports/submissions/${first}`)).status).toBe(200);
    const cadre = running.as({ role: 'union_cadre', orgPath: 'm/d1/s1/a' });
    expect(
      (await cadre.get(`${base()}/reports/org-units/a/submissions?period=2025-12`)).status,
    ).toBe(403);
  });
});
