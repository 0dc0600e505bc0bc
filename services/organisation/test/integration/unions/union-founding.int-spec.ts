import { Topics } from '@taizhang/contracts';
import { regionSuite, testCreditCode } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';
import { PREPARATORY_GROUP } from '../../unions/preparatory-group';

// Real PostgreSQL and Kafka, the service as its own process: founding (组建) — an employer is
// covered by at most one grassroots union at a time, released by a rejection or a dissolution,
// handed to the receiving union by a merger; a founding recorded after the fact.
describe('union founding and employer coverage (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  let street: string;
  let otherStreet: string;
  let employers = 0;
  const pool = () => running.databases['organisation']!.pool;

  const employer = async (streetId = street): Promise<string> => {
    employers += 1;
    const creditCode = testCreditCode(employers);
    await created(
      '/employers',
      employerRegistration(creditCode, `铁西${employers}号机械厂`, streetId),
    );

    return creditCode;
  };
  const apply = (employerIds: string[], parentId = street, more: Record<string, unknown> = {}) =>
    region.post(url('/union-applications'), {
      proposedName: '铁西机械厂工会委员会',
      parentId,
      employerIds,
      ...more,
      preparatoryGroup: PREPARATORY_GROUP,
    });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const found = async (employerIds: string[]): Promise<string> => {
    const applied = await apply(employerIds);
    expect(applied.status).toBe(201);
    const unionId = applied.body['id'] as string;
    await ok(`/union-applications/${unionId}/approve`);
    await created(`/union-applications/${unionId}/founding-congress`, {
      heldOn: today,
      entitledVoters: 20,
      present: 14,
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
    });

    return unionId;
  };
  const refusal = async (employerIds: string[]) => {
    const answer = await apply(employerIds);

    return [answer.status, answer.body['code'], answer.body['employerId']];
  };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106002', '重工街道工会联合会', 'street', district);
    otherStreet = await unit('210106003', '艳粉街道工会联合会', 'street', district);
  });

  it('refuses an employer already claimed by a pending application or covered by a union', async () => {
    const [pending, covered, free] = [await employer(), await employer(), await employer()];
    expect((await apply([pending])).status).toBe(201);
    await found([covered]);

    expect(await refusal([free, pending])).toEqual([422, 'EMPLOYER_ALREADY_COVERED', pending]);
    const answer = await apply([covered]);
    expect(answer.body).toMatchObject({ status: 422, code: 'EMPLOYER_ALREADY_COVERED' });
    expect(answer.body['detail']).toContain('already covered');
    expect(answer.body['detail']).toContain('已由其他基层工会覆盖');
    // A refused application recorded nothing, and claimed nothing: its other employer is free.
    expect((await apply([free])).status).toBe(201);
  });

  it('has a registered existing union claim the employers it covers, refusing one already covered', async () => {
    const [covered, free, named] = [await employer(), await employer(), await employer()];
    await found([covered]);
    const register = (employerIds: string[]) =>
      region.post(url('/unions'), {
        name: '重工街道机械行业联合工会',
        parentId: street,
        establishedOn: '2008-05-01',
        employerIds,
      });
    const registrations = async () =>
      (await pool().query(`SELECT 1 FROM events WHERE type = 'UnionRegistered'`)).rowCount;
    const before = await registrations();

    const refused = await register([free, covered]);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EMPLOYER_ALREADY_COVERED', employerId: covered });
    // Nothing recorded, nothing claimed: its other employer is still free.
    expect(await registrations()).toBe(before);
    const registered = await register([free, named]);
    expect(registered.status).toBe(201);
    const stored = await pool().query<{ data: { employerIds: string[] } }>(
      `SELECT data FROM events WHERE type = 'UnionRegistered' AND stream_id = 'union-' || $1`,
      [registered.body['id']],
    );
    expect(stored.rows.map((row) => row.data.employerIds)).toEqual([[free, named]]);
    expect(await refusal([named])).toEqual([422, 'EMPLOYER_ALREADY_COVERED', named]);
    expect((await register([testCreditCode(9998)])).body['code']).toBe('EMPLOYER_NOT_REGISTERED');
  });

  it('lets only one of many applications naming the same employer at once through', async () => {
    const contested = await employer();
    const others = [await employer(), await employer(), await employer()];
    const answers = await Promise.all([
      ...others.map((other) => apply([other, contested])),
      apply([contested]),
    ]);

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body['code'])).toEqual(
      Array.from({ length: 3 }, () => 'EMPLOYER_ALREADY_COVERED'),
    );
    const submitted = await pool().query(
      `SELECT 1 FROM events WHERE type = 'UnionApplicationSubmitted' AND data->'employerIds' ? $1`,
      [contested],
    );
    expect(submitted.rowCount).toBe(1);
  });

  it('frees the employers of a rejected application and of a dissolved union', async () => {
    const [rejectedOnes, dissolvedOnes] = [await employer(), await employer()];
    const applied = await apply([rejectedOnes]);
    await ok(`/union-applications/${applied.body['id'] as string}/reject`, {
      reason: '筹备组成员不符合要求',
    });
    const union = await found([dissolvedOnes]);
    await ok(`/unions/${union}/dissolve`, { reason: '企业破产', dissolvedOn: today });

    expect((await apply([rejectedOnes])).status).toBe(201);
    expect((await apply([dissolvedOnes])).status).toBe(201);
  });

  it('hands the employers of a merged union to the receiving union', async () => {
    const [mergedOnes, receivingOnes] = [await employer(), await employer()];
    const merging = await found([mergedOnes]);
    const receiving = await found([receivingOnes]);
    await ok(`/unions/${merging}/merge`, {
      intoUnionId: receiving,
      mergedOn: today,
      reason: '企业合并',
    });

    expect(await refusal([mergedOnes])).toEqual([422, 'EMPLOYER_ALREADY_COVERED', mergedOnes]);
    const claims = await pool().query<{ union_id: string }>(
      'SELECT union_id FROM employer_coverage WHERE employer_id = ANY($1) ORDER BY employer_id',
      [[mergedOnes, receivingOnes]],
    );
    expect(claims.rows.map((row) => row.union_id)).toEqual([receiving, receiving]);
    await ok(`/unions/${receiving}/dissolve`, { reason: '企业注销', dissolvedOn: today });
    expect((await apply([mergedOnes, receivingOnes])).status).toBe(201);
  });

  it('takes only registered, open employers under the federation applied to', async () => {
    const elsewhere = await employer(otherStreet);
    const closing = await employer();
    const closed = await region.post(url(`/employers/${closing}/close`), {
      closedOn: '2025-01-01',
      reason: '企业注销',
    });
    expect(closed.status).toBeLessThan(300);

    expect(await refusal([testCreditCode(9999)])).toEqual([
      422,
      'EMPLOYER_NOT_REGISTERED',
      testCreditCode(9999),
    ]);
    expect(await refusal([closing])).toEqual([422, 'EMPLOYER_CLOSED', closing]);
    expect(await refusal([elsewhere])).toEqual([422, 'EMPLOYER_OUTSIDE_PARENT', elsewhere]);
    expect((await region.get(url(`/employers/${elsewhere}`))).status).toBe(200);
  });

  it('records a founding after the fact: applied, approved and founded on earlier dates', async () => {
    const applied = await apply([await employer()], street, { submittedOn: '2019-04-01' });
    expect(applied.status).toBe(201);
    const unionId = applied.body['id'] as string;
    const early = await region.post(url(`/union-applications/${unionId}/approve`), {
      approvedOn: '2019-03-31',
    });
    expect([early.status, early.body['code']]).toEqual([422, 'APPROVED_BEFORE_APPLICATION']);
    await ok(`/union-applications/${unionId}/approve`, { approvedOn: '2019-05-20' });
    await created(`/union-applications/${unionId}/founding-congress`, {
      heldOn: '2019-06-01',
      entitledVoters: 20,
      present: 14,
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
    });

    expect((await region.get(url(`/unions/${unionId}`))).body).toMatchObject({
      status: 'Registered',
      establishedOn: '2019-06-01',
      termEndsOn: '2022-05-31',
    });
    const approval = await pool().query<{ occurred_at: Date; data: { approvedOn: string } }>(
      `SELECT occurred_at, data FROM events WHERE stream_id = $1 AND type = 'UnionApplicationApproved'`,
      [`union-${unionId}`],
    );
    expect(approval.rows[0]!.data.approvedOn).toBe('2019-05-20');
    expect(approval.rows[0]!.occurred_at.toISOString().slice(0, 10)).toBe('2019-05-19');
  });
});
