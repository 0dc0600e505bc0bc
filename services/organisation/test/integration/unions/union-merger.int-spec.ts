import { Topics } from '@taizhang/contracts';
import { regionSuite, testIdCardNumber } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: a merger (合并) moves every member
// in the same transaction, a join racing it is either moved or refused, and a merger that fails
// half-way leaves nothing behind.
describe('union merger (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  let street: string;
  const pool = () => running.databases['organisation']!.pool;
  let people = 0;

  const union = (name: string, establishedOn = '2000-01-01') =>
    created('/unions', { name, parentId: street, establishedOn });
  const person = (joinedOn = '2020-07-01') => ({
    name: '王秀英',
    gender: 'female',
    idCardNumber: testIdCardNumber((people += 1), { birthDate: '1985-03-12' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn,
  });
  const member = async (memberId: string) => (await region.get(url(`/members/${memberId}`))).body;

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106001', '兴华街道工会联合会', 'street', district);
  });

  it('moves every member the union holds, with their history, in the merger’s own transaction', async () => {
    const merging = await union('沈阳机床一厂工会');
    const receiving = await union('沈阳机床集团工会', '2010-05-01');
    const active = await created(`/unions/${merging}/members`, person());
    const retiree = await created(`/unions/${merging}/members`, person('2005-03-01'));
    await ok(`/members/${retiree}/retain`, {
      reason: 'retired',
      heldBy: 'union',
      since: '2024-05-01',
    });
    const heldAbove = await created(`/unions/${merging}/members`, person());
    await ok(`/members/${heldAbove}/retain`, {
      reason: 'unemployed',
      heldBy: 'federation',
      since: '2024-06-01',
    });
    const gone = await created(`/unions/${merging}/members`, person());
    await ok(`/members/${gone}/leave`, { reason: '本人申请退会', leftOn: '2024-02-01' });
    const already = await created(`/unions/${receiving}/members`, person());

    const answer = await ok(`/unions/${merging}/merge`, {
      intoUnionId: receiving,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });

    expect(answer['eventIds']).toHaveLength(1);
    expect(await member(active)).toMatchObject({
      status: 'active',
      unionId: receiving,
      joinedOn: '2020-07-01',
      history: [
        { step: 'joined', unionId: merging },
        { step: 'transferred', on: '2025-01-01', unionId: receiving, fromUnionId: merging },
      ],
    });
    expect(await member(retiree)).toMatchObject({
      status: 'retained',
      unionId: receiving,
      joinedOn: '2005-03-01',
      retention: { reason: 'retired', heldBy: 'union', heldByOrgUnitId: receiving },
    });
    expect(await member(heldAbove)).toMatchObject({
      status: 'retained',
      unionId: merging,
      retention: { heldBy: 'federation', heldByOrgUnitId: street },
    });
    expect(await member(gone)).toMatchObject({ status: 'left', unionId: merging });
    expect(await member(already)).toMatchObject({ status: 'active', unionId: receiving });
    // The union's event and the two transfers were committed together, the transfers marked.
    const recorded = await pool().query<{
      type: string;
      tx: string;
      data: Record<string, unknown>;
    }>(
      `SELECT type, transaction_id::text AS tx, data FROM events
       WHERE (stream_id = $1 AND type = 'UnionMerged') OR data->>'cause' = 'merger'
       ORDER BY position`,
      [`union-${merging}`],
    );
    expect(recorded.rows.map((row) => row.type)).toEqual([
      'UnionMerged',
      'MemberTransferred',
      'MemberTransferred',
    ]);
    expect(new Set(recorded.rows.map((row) => row.tx)).size).toBe(1);
    expect(recorded.rows.find((row) => row.data['memberId'] === retiree)?.data).toMatchObject({
      retention: { reason: 'retired', since: '2024-05-01' },
    });

    expect((await region.get(url(`/unions/${merging}`))).body).toMatchObject({
      status: 'Merged',
      intoUnionId: receiving,
    });
  });

  it('records nothing more for a merged union: no joins, no transfers into it, no second merger', async () => {
    const merging = await union('沈阳重型机械厂工会');
    const receiving = await union('北方重工集团工会');
    const elsewhere = await union('铁西商贸联合工会');
    const someone = await created(`/unions/${elsewhere}/members`, person());
    await ok(`/unions/${merging}/merge`, {
      intoUnionId: receiving,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });

    const join = await region.post(url(`/unions/${merging}/members`), person());
    expect([join.status, join.body['code']]).toEqual([422, 'UNION_MERGED']);
    const transfer = await region.post(url(`/members/${someone}/transfer`), {
      toUnionId: merging,
      transferredOn: '2025-02-01',
    });
    expect([transfer.status, transfer.body['code']]).toEqual([422, 'TARGET_UNION_MERGED']);
    const again = await region.post(url(`/unions/${merging}/merge`), {
      intoUnionId: elsewhere,
      mergedOn: '2025-02-01',
      reason: '再次合并',
    });
    expect([again.status, again.body['code']]).toEqual([422, 'UNION_MERGED']);
    const into = await region.post(url(`/unions/${elsewhere}/merge`), {
      intoUnionId: merging,
      mergedOn: '2025-02-01',
      reason: '并入已合并的工会',
    });
    expect([into.status, into.body['code']]).toEqual([422, 'TARGET_UNION_MERGED']);
  });

  it('leaves no member behind when joins race the merger: each is moved or refused', async () => {
    const merging = await union('铁西装备制造联合工会');
    const receiving = await union('铁西区装备制造业工会联合会');
    await created(`/unions/${merging}/members`, person());
    const joins = Array.from({ length: 12 }, () =>
      region.post(url(`/unions/${merging}/members`), person()),
    );
    const merger = region.post(url(`/unions/${merging}/merge`), {
      intoUnionId: receiving,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });
    const [merged, ...joined] = await Promise.all([merger, ...joins]);

    expect(merged.status).toBe(200);
    for (const answer of joined)
      expect([201, 'UNION_MERGED']).toContain(answer.status === 201 ? 201 : answer.body['code']);
    for (const answer of joined.filter((a) => a.status === 201))
      expect(await member(answer.body['id'] as string)).toMatchObject({
        status: 'active',
        unionId: receiving,
      });
    const behind = await pool().query(
      `SELECT e.stream_id FROM streams s
       JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.version
       WHERE s.stream_type = 'member' AND e.org_unit_id = $1 AND e.type <> 'MemberLeft'`,
      [merging],
    );
    expect(behind.rows).toEqual([]);
  });

  it('keeps nothing of a merger that fails half-way', async () => {
    const merging = await union('铁西食品厂工会');
    const receiving = await union('铁西食品集团工会');
    const members = [];
    for (let i = 0; i < 4; i += 1)
      members.push(await created(`/unions/${merging}/members`, person()));
    // Joined after the merger date: the merger is refused only when this member's turn comes.
    const late = await created(`/unions/${merging}/members`, person('2025-06-01'));
    const before = await pool().query<{ count: string }>('SELECT count(*) FROM events');

    const refused = await region.post(url(`/unions/${merging}/merge`), {
      intoUnionId: receiving,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });

    expect([refused.status, refused.body['code']]).toEqual([422, 'MEMBER_CHANGED_AFTER_MERGER']);
    const after = await pool().query<{ count: string }>('SELECT count(*) FROM events');
    expect(after.rows[0]!.count).toBe(before.rows[0]!.count);
    for (const id of [...members, late])
      expect(await member(id)).toMatchObject({ status: 'active', unionId: merging });
    expect((await region.get(url(`/unions/${merging}`))).body).toMatchObject({
      status: 'Registered',
    });
  });
});
