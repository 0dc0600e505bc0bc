import { Topics } from '@taizhang/contracts';
import { regionSuite, testCreditCode } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';
import { PREPARATORY_GROUP } from '../../unions/preparatory-group';

// Real PostgreSQL and Kafka, the service as its own process: the committee a founding congress or
// an approved re-election elects becomes the union's cadres (三亮), dated from the congress.
describe('elected committees become cadres (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  let street: string;
  const pool = () => running.databases['organisation']!.pool;
  const committee = [
    { name: '麻军峰', post: 'chair' },
    { name: '吕波', post: 'vice_chair' },
    { name: '布润宁', post: 'member' },
  ];
  const offices = [
    { name: '杨冬利', office: 'women_committee_chair' },
    { name: '布润宁', office: 'audit_committee_chair' },
  ];
  const cadres = async (unionId: string) =>
    (await region.get(url(`/unions/${unionId}/cadres`))).body['cadres'] as Record<
      string,
      unknown
    >[];
  const eventsOf = async (unionId: string, type: string) =>
    (
      await pool().query<{ data: Record<string, unknown> }>(
        'SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY stream_version',
        [`union-${unionId}`, type],
      )
    ).rows.map(({ data }) => data);
  const found = async (n: number): Promise<string> => {
    const creditCode = testCreditCode(n);
    await created('/employers', employerRegistration(creditCode, `天域${n}号公司`, street));
    const unionId = await created('/union-applications', {
      proposedName: `天域${n}号公司工会委员会`,
      parentId: street,
      employerIds: [creditCode],
      submittedOn: '2021-01-10',
      preparatoryGroup: PREPARATORY_GROUP,
    });
    await ok(`/union-applications/${unionId}/approve`, { approvedOn: '2021-02-01' });
    await created(`/union-applications/${unionId}/founding-congress`, {
      heldOn: '2021-03-09',
      entitledVoters: 60,
      present: 45,
      committee,
      offices,
      termYears: 5,
    });

    return unionId;
  };

  beforeAll(async () => {
    const city = await unit('6104', '咸阳市总工会', 'municipal');
    const district = await unit('610422', '三原县总工会', 'district', city);
    street = await unit('610422101', '陂西镇工会联合会', 'street', district);
  });

  it('lists a founded union’s committee and offices as its cadres, with their posts', async () => {
    const unionId = await found(1);

    expect(
      (await cadres(unionId)).map(({ name, post, postCode, appointedOn, phone }) => [
        name,
        post,
        postCode,
        appointedOn,
        phone,
      ]),
    ).toEqual([
      ['麻军峰', '工会主席', 'chair', '2021-03-09', null],
      ['吕波', '工会副主席', 'vice_chair', '2021-03-09', null],
      ['布润宁', '工会委员', 'member', '2021-03-09', null],
      ['杨冬利', '女职工委员会主任', 'women_committee_chair', '2021-03-09', null],
      ['布润宁', '经费审查委员会主任', 'audit_committee_chair', '2021-03-09', null],
    ]);
  });

  it('adds a cadre’s phone, duties and pledge by its own command; refuses a bad phone', async () => {
    const unionId = await found(2);
    const [chair] = await cadres(unionId);
    const details = (body: unknown, key?: string) =>
      region.post(
        url(`/unions/${unionId}/cadres/${chair!['cadreId'] as string}/details`),
        body,
        key ? { 'idempotency-key': key } : {},
      );
    const body = {
      phone: '0910-2345678',
      duties: '主持工会全面工作',
      pledge: '亮身份、亮职责、亮承诺,为职工办实事',
      effectiveOn: '2021-03-10',
    };

    const given = await details(body, 'details-1');
    expect(given.status).toBe(200);
    expect((await details(body, 'details-1')).body).toEqual(given.body);
    expect(await eventsOf(unionId, 'CadreDetailsUpdated')).toHaveLength(1);
    expect((await cadres(unionId))[0]).toMatchObject({
      phone: '0910-2345678',
      duties: '主持工会全面工作',
      pledge: '亮身份、亮职责、亮承诺,为职工办实事',
    });

    const refused = await details({ phone: '12345', effectiveOn: '2021-03-10' });
    expect(refused.status).toBe(400);
    const unknown = await region.post(
      url(`/unions/${unionId}/cadres/00000000-0000-4000-8000-000000000000/details`),
      body,
    );
    expect(unknown.status).toBe(404);
    expect(await eventsOf(unionId, 'CadreDetailsUpdated')).toHaveLength(1);
  });

  it('on an approved re-election, the old cadres leave and the new take office, dated from the congress', async () => {
    const unionId = await found(3);
    const before = (await cadres(unionId)).map((cadre) => cadre['cadreId']);
    await created(`/unions/${unionId}/elections`, {
      heldOn: '2026-03-01',
      entitledVoters: 60,
      present: 45,
      committee: [
        { name: '吕波', post: 'chair' },
        { name: '王丽', post: 'member' },
        { name: '张强', post: 'member' },
      ],
      termYears: 5,
    });
    // A pending election changes nothing yet.
    expect((await cadres(unionId)).map((cadre) => cadre['cadreId'])).toEqual(before);

    const approve = () =>
      region.post(
        url(`/unions/${unionId}/elections/approve`),
        { approvedOn: '2026-03-06' },
        { 'idempotency-key': `approve-${unionId}` },
      );
    const approved = await approve();
    expect(approved.status).toBe(200);
    // A replay answers the same and seats no one twice.
    expect((await approve()).body).toEqual(approved.body);

    expect(
      (await cadres(unionId)).map(({ name, post, appointedOn }) => [name, post, appointedOn]),
    ).toEqual([
      ['吕波', '工会主席', '2026-03-01'],
      ['王丽', '工会委员', '2026-03-01'],
      ['张强', '工会委员', '2026-03-01'],
    ]);
    const seated = await eventsOf(unionId, 'CommitteeTookOffice');
    expect(seated).toHaveLength(2);
    expect(seated[1]).toMatchObject({ electedOn: '2026-03-01', outgoingCadreIds: before });
  });
});
