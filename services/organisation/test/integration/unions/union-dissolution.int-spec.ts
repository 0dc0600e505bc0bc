import { Topics } from '@taizhang/contracts';
import { regionSuite, testIdCardNumber } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: a dissolution (撤销) hands every
// membership the union still holds to the federation above in its own transaction; a repeated
// request appends nothing twice, and a failure half-way leaves nothing behind.
describe('union dissolution (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  let street: string;
  const pool = () => running.databases['organisation']!.pool;
  let people = 0;

  const union = (name: string) =>
    created('/unions', { name, parentId: street, establishedOn: '2000-01-01' });
  const person = (joinedOn = '2020-07-01') => ({
    name: '李桂兰',
    gender: 'female',
    idCardNumber: testIdCardNumber((people += 1), { birthDate: '1979-11-02' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn,
  });
  const member = async (memberId: string) => (await region.get(url(`/members/${memberId}`))).body;
  const eventCount = async (): Promise<string> =>
    (await pool().query<{ count: string }>('SELECT count(*) FROM events')).rows[0]!.count;
  const dissolution = { dissolvedOn: '2025-03-01', reason: '企业注销' };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106003', '笃工街道工会联合会', 'street', district);
  });

  it('has the federation above hold every membership the union still holds, in the dissolution’s own transaction', async () => {
    const dissolved = await union('沈阳第三橡胶厂工会');
    const active = await created(`/unions/${dissolved}/members`, person());
    const retiree = await created(`/unions/${dissolved}/members`, person('2003-05-01'));
    await ok(`/members/${retiree}/retain`, {
      reason: 'retired',
      heldBy: 'union',
      since: '2024-05-01',
    });
    const heldAbove = await created(`/unions/${dissolved}/members`, person());
    await ok(`/members/${heldAbove}/retain`, {
      reason: 'unemployed',
      heldBy: 'federation',
      since: '2024-06-01',
    });
    const gone = await created(`/unions/${dissolved}/members`, person());
    await ok(`/members/${gone}/leave`, { reason: '本人申请退会', leftOn: '2024-02-01' });

    const answer = await ok(`/unions/${dissolved}/dissolve`, dissolution);

    expect(answer['eventIds']).toHaveLength(1);
    expect(await member(active)).toMatchObject({
      status: 'retained',
      unionId: dissolved,
      joinedOn: '2020-07-01',
      retention: {
        reason: 'union_dissolved',
        heldBy: 'federation',
        heldByOrgUnitId: street,
        since: '2025-03-01',
      },
    });
    expect(await member(retiree)).toMatchObject({
      status: 'retained',
      retention: { reason: 'retired', heldBy: 'federation', heldByOrgUnitId: street },
    });
    expect(await member(heldAbove)).toMatchObject({
      status: 'retained',
      retention: { reason: 'unemployed', heldBy: 'federation', since: '2024-06-01' },
    });
    expect(await member(gone)).toMatchObject({ status: 'left', unionId: dissolved });
    const recorded = await pool().query<{ type: string; tx: string; org_unit_id: string }>(
      `SELECT type, transaction_id::text AS tx, org_unit_id FROM events
       WHERE (stream_id = $1 AND type = 'UnionDissolved')
          OR (type = 'MembershipRetained' AND data->>'since' = '2025-03-01' AND data->>'unionId' = $2)
       ORDER BY position`,
      [`union-${dissolved}`, dissolved],
    );
    expect(recorded.rows.map((row) => row.type)).toEqual([
      'UnionDissolved',
      'MembershipRetained',
      'MembershipRetained',
    ]);
    expect(new Set(recorded.rows.map((row) => row.tx)).size).toBe(1);
    // The retentions concern the federation that holds them.
    expect(recorded.rows.slice(1).map((row) => row.org_unit_id)).toEqual([street, street]);
    expect((await region.get(url(`/unions/${dissolved}`))).body).toMatchObject({
      status: 'Dissolved',
      dissolvedOn: '2025-03-01',
    });
  });

  it('appends nothing twice: the same Idempotency-Key replays its answer, another request is refused', async () => {
    const dissolved = await union('沈阳第五橡胶厂工会');
    const someone = await created(`/unions/${dissolved}/members`, person());
    const keyed = { 'idempotency-key': `dissolve-${dissolved}` };
    const first = await region.post(url(`/unions/${dissolved}/dissolve`), dissolution, keyed);
    expect(first.status).toBe(200);
    const before = await eventCount();

    const replayed = await region.post(url(`/unions/${dissolved}/dissolve`), dissolution, keyed);
    expect([replayed.status, replayed.body]).toEqual([200, first.body]);
    const again = await region.post(url(`/unions/${dissolved}/dissolve`), dissolution);
    expect([again.status, again.body['code']]).toEqual([422, 'UNION_DISSOLVED']);

    expect(await eventCount()).toBe(before);
    expect((await member(someone))['history']).toHaveLength(2);
    const join = await region.post(url(`/unions/${dissolved}/members`), person());
    expect([join.status, join.body['code']]).toEqual([422, 'UNION_DISSOLVED']);
  });

  it('keeps nothing of a dissolution refused for one member half-way', async () => {
    const kept = await union('沈阳第七橡胶厂工会');
    const members = [];
    for (let i = 0; i < 3; i += 1) members.push(await created(`/unions/${kept}/members`, person()));
    // Joined after the dissolution date: refused only when this member's turn comes.
    const late = await created(`/unions/${kept}/members`, person('2025-06-01'));
    const before = await eventCount();

    const refused = await region.post(url(`/unions/${kept}/dissolve`), dissolution);

    expect([refused.status, refused.body['code']]).toEqual([
      422,
      'MEMBER_CHANGED_AFTER_DISSOLUTION',
    ]);
    expect(await eventCount()).toBe(before);
    for (const id of [...members, late])
      expect(await member(id)).toMatchObject({ status: 'active', unionId: kept });
    expect((await region.get(url(`/unions/${kept}`))).body).toMatchObject({
      status: 'Registered',
    });
  });

  it('keeps nothing when the database fails between the members, and completes when sent again', async () => {
    const dissolved = await union('沈阳第九橡胶厂工会');
    const first = await created(`/unions/${dissolved}/members`, person());
    const second = await created(`/unions/${dissolved}/members`, person());
    // A failure of the second member's append, as a crash of the database there would be.
    await pool().query(`
      CREATE FUNCTION fail_retention() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated failure half-way'; END $$`);
    await pool().query(
      `CREATE TRIGGER fail_retention BEFORE INSERT ON events FOR EACH ROW
       WHEN (NEW.type = 'MembershipRetained' AND NEW.data->>'memberId' = '${second}')
       EXECUTE FUNCTION fail_retention()`,
    );
    const before = await eventCount();
    try {
      const failed = await region.post(url(`/unions/${dissolved}/dissolve`), dissolution);
      expect(failed.status).toBe(500);
    } finally {
      await pool().query('DROP TRIGGER fail_retention ON events');
      await pool().query('DROP FUNCTION fail_retention');
    }
    expect(await eventCount()).toBe(before);
    expect(await member(first)).toMatchObject({ status: 'active' });

    await ok(`/unions/${dissolved}/dissolve`, dissolution);
    for (const id of [first, second])
      expect(await member(id)).toMatchObject({
        status: 'retained',
        retention: { heldBy: 'federation', heldByOrgUnitId: street },
      });
  });

  it('leaves no active member behind when joins race the dissolution: each is retained or refused', async () => {
    const dissolved = await union('铁西机电联合工会');
    await created(`/unions/${dissolved}/members`, person());
    const joins = Array.from({ length: 10 }, () =>
      region.post(url(`/unions/${dissolved}/members`), person()),
    );
    const [answer, ...joined] = await Promise.all([
      region.post(url(`/unions/${dissolved}/dissolve`), dissolution),
      ...joins,
    ]);

    expect(answer.status).toBe(200);
    for (const join of joined)
      expect([201, 'UNION_DISSOLVED']).toContain(join.status === 201 ? 201 : join.body['code']);
    const behind = await pool().query(
      `SELECT e.stream_id FROM streams s
       JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.version
       WHERE s.stream_type = 'member' AND e.org_unit_id = $1 AND e.type <> 'MemberLeft'`,
      [dissolved],
    );
    expect(behind.rows).toEqual([]);
  });
});
