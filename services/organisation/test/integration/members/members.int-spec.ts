import { randomUUID } from 'node:crypto';

import { Topics } from '@taizhang/contracts';
import { verifyIntegrity } from '@taizhang/event-store';
import { eventually, regionSuite, testIdCardNumber } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: uniqueness of a person across the
// region, no plain personal data at rest or on the topic, masking, recorded reveals, erasure.
describe('members (organisation, integration)', () => {
  const { running, region, url, created, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // The admin builds the org tree; the city's officer records the members (libs/testing).
  const pool = () => running.databases['organisation']!.pool;
  const unions: string[] = [];

  const person = (n: number, more: Record<string, unknown> = {}) => ({
    name: '王秀英',
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1985-03-12' }),
    phone: '138 0400 1122',
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn: '2020-07-01',
    ...more,
  });
  const storedText = async (sql: string) =>
    (await pool().query<{ text: string }>(sql)).rows.map((row) => row.text).join('\n');

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210102', '和平区总工会', 'district', city);
    const street = await unit('210102001', '南市场街道工会联合会', 'street', district);
    for (const name of ['机床厂工会', '商圈联合工会', '医院工会', '快递物流联合工会'])
      unions.push(
        await created('/unions', { name, parentId: street, establishedOn: '2000-01-01' }),
      );
  });

  it('lets one ID card number join only once, however many unions it tries at the same time', async () => {
    const body = person(1);
    const answers = await Promise.all(
      [...unions, ...unions].map((union) => region.post(url(`/unions/${union}/members`), body)),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body['code']])).toEqual(
      Array.from({ length: 7 }, () => [422, 'MEMBER_ALREADY_ACTIVE']),
    );
    const memberId = answers.find((a) => a.status === 201)!.body['id'] as string;
    const joins = await pool().query(
      "SELECT 1 FROM events WHERE stream_id = $1 AND type = 'MemberJoined'",
      [`member-${memberId}`],
    );
    expect(joins.rowCount).toBe(1);
    // The same number typed differently is the same person.
    const retyped = await region.post(url(`/unions/${unions[2]}/members`), {
      ...body,
      idCardNumber: ` ${body.idCardNumber.slice(0, 6)} ${body.idCardNumber.slice(6)} `,
    });
    expect([retyped.status, retyped.body['code']]).toEqual([422, 'MEMBER_ALREADY_ACTIVE']);
  });

  it('keeps the ID card number, phone and birth date out of the store and off the topic', async () => {
    const body = person(2, { phone: '13912345678' });
    await created(`/unions/${unions[0]}/members`, body);
    const secrets = [body.idCardNumber, '13912345678', '19850312', '1985-03-12'];

    const stored = await storedText(
      "SELECT data::text || metadata::text AS text FROM events UNION ALL SELECT request_hash || coalesce(result::text, '') FROM processed_commands",
    );
    for (const secret of secrets) expect(stored).not.toContain(secret);

    const onTopic: string[] = [];
    const consumer = running.topics.kafka.consumer({ groupId: `read-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({
      topic: running.topics.names[Topics.organisation]!,
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: ({ message }) => {
        onTopic.push(message.value?.toString() ?? '');

        return Promise.resolve();
      },
    });
    const events = Number(
      (await pool().query<{ count: string }>('SELECT count(*) FROM events')).rows[0]!.count,
    );
    await eventually(
      () => Promise.resolve(onTopic.length),
      (count) => count >= events,
      30_000,
    );
    await consumer.disconnect();
    expect(onTopic.join('\n')).toMatch(/"idCardNumber":{[^}]*"alg":"A256GCM"/);
    for (const secret of secrets) expect(onTopic.join('\n')).not.toContain(secret);
  });

  it('shows personal data masked, and unmasked only with a reason, each reading on record', async () => {
    const body = person(3, { phone: '13812345678' });
    const memberId = await created(`/unions/${unions[1]}/members`, body);

    const masked = await region.get(url(`/members/${memberId}`));
    expect(masked.body['personalData']).toEqual({
      revealed: false,
      erased: false,
      idCardNumber: `2101**********${body.idCardNumber.slice(-4)}`,
      phone: '138****5678',
      birthDate: '1985-**-**',
    });

    const noReason = await region.get(url(`/members/${memberId}?reveal=true`));
    expect([noReason.status, noReason.body['code']]).toEqual([400, 'REVEAL_REASON_REQUIRED']);

    const reason = '核实困难职工帮扶申请人身份';
    const revealed = await region.get(
      url(`/members/${memberId}?reveal=true&reason=${encodeURIComponent(reason)}`),
    );
    expect(revealed.body['personalData']).toEqual({
      revealed: true,
      erased: false,
      idCardNumber: body.idCardNumber,
      phone: '13812345678',
      birthDate: '1985-03-12',
    });
    const record = await pool().query<{ data: unknown; org_unit_id: string }>(
      "SELECT data, org_unit_id FROM events WHERE type = 'MemberPersonalDataRevealed' AND stream_id = $1",
      [`member-disclosures-${memberId}`],
    );
    expect(record.rows).toEqual([
      {
        data: { memberId, fields: ['idCardNumber', 'phone', 'birthDate'], reason },
        org_unit_id: unions[1],
      },
    ]);
  });

  it('erases a person who left: unreadable everywhere, the history still verifies, and they may rejoin', async () => {
    const body = person(4);
    const memberId = await created(`/unions/${unions[2]}/members`, body);
    const activeErase = await running
      .as({ role: 'admin' })
      .post(url(`/members/${memberId}/erase`), { reason: '本人申请' });
    expect([activeErase.status, activeErase.body['code']]).toEqual([422, 'MEMBER_STILL_ACTIVE']);

    expect(
      (
        await region.post(url(`/members/${memberId}/leave`), {
          reason: '调离本市',
          leftOn: '2024-05-31',
        })
      ).status,
    ).toBe(200);
    const erased = await running.as({ role: 'admin' }).post(url(`/members/${memberId}/erase`), {
      reason: '本人申请删除个人信息',
    });
    expect(erased.status).toBe(200);

    const key = await pool().query<{ wrapped_key: Buffer | null; erased_at: Date | null }>(
      'SELECT wrapped_key, erased_at FROM person_keys WHERE member_id = $1',
      [memberId],
    );
    expect(key.rows).toHaveLength(1);
    expect(key.rows[0]!.wrapped_key).toBeNull();
    expect(key.rows[0]!.erased_at).toBeInstanceOf(Date);
    const view = await region.get(
      url(`/members/${memberId}?reveal=true&reason=${encodeURIComponent('审计')}`),
    );
    expect(view.body).toMatchObject({
      status: 'left',
      name: '王秀英',
      personalData: {
        revealed: false,
        erased: true,
        idCardNumber: null,
        phone: null,
        birthDate: null,
      },
    });
    // The ciphertext is still in the store, untouched: the chain verifies.
    const report = await verifyIntegrity(pool());
    expect(report).toMatchObject({ intact: true, breaks: [] });

    const again = await region.post(url(`/unions/${unions[3]}/members`), {
      ...body,
      joinedOn: '2025-01-02',
    });
    expect([again.status, again.body['id']]).toEqual([201, memberId]);
    expect((await region.get(url(`/members/${memberId}`))).body).toMatchObject({
      status: 'active',
      unionId: unions[3],
      personalData: { erased: false, idCardNumber: `2101**********${body.idCardNumber.slice(-4)}` },
    });
  });

  it('lets a person who left join again later, under the same key', async () => {
    const body = person(7);
    const memberId = await created(`/unions/${unions[0]}/members`, body);
    await region.post(url(`/members/${memberId}/leave`), { reason: '辞职', leftOn: '2023-03-31' });
    const again = await region.post(url(`/unions/${unions[1]}/members`), {
      ...body,
      joinedOn: '2024-06-01',
    });

    expect([again.status, again.body['id']]).toEqual([201, memberId]);
    const keys = await pool().query('SELECT 1 FROM person_keys WHERE member_id = $1', [memberId]);
    expect(keys.rowCount).toBe(1);
    const view = await region.get(
      url(`/members/${memberId}?reveal=true&reason=${encodeURIComponent('核对会籍')}`),
    );
    expect(view.body).toMatchObject({
      status: 'active',
      joinedOn: '2024-06-01',
      personalData: { idCardNumber: body.idCardNumber },
      history: [
        { step: 'joined', unionId: unions[0] },
        { step: 'left', on: '2023-03-31' },
        { step: 'joined', on: '2024-06-01', unionId: unions[1] },
      ],
    });
  });

  it('hands the members of a dissolved union to the federation above it', async () => {
    const street = (await region.get(url(`/unions/${unions[3]}`))).body['parentId'] as string;
    const closing = await created('/unions', {
      name: '即将注销企业工会',
      parentId: street,
      establishedOn: '2010-01-01',
    });
    const memberId = await created(`/unions/${closing}/members`, person(8));
    const dissolved = await region.post(url(`/unions/${closing}/dissolve`), {
      reason: '企业注销',
      dissolvedOn: '2025-03-31',
    });
    expect(dissolved.status).toBeLessThan(300);

    // The dissolution itself retained the member at the street (会籍管理办法); a retention asked
    // for afterwards finds the member held already.
    expect((await region.get(url(`/members/${memberId}`))).body).toMatchObject({
      status: 'retained',
      retention: { reason: 'union_dissolved', heldBy: 'federation', heldByOrgUnitId: street },
    });
    const again = await region.post(url(`/members/${memberId}/retain`), {
      reason: 'employer_closed',
      heldBy: 'federation',
      since: '2025-03-31',
    });
    expect([again.status, again.body['code']]).toEqual([422, 'ALREADY_RETAINED']);
  });

  it('refuses personal data that cannot be right, without repeating it', async () => {
    const good = person(5);
    const wrongDigit = `${good.idCardNumber.slice(0, 17)}${good.idCardNumber[17] === '1' ? '2' : '1'}`;
    const badNumber = await region.post(url(`/unions/${unions[0]}/members`), {
      ...good,
      idCardNumber: wrongDigit,
    });
    expect([badNumber.status, badNumber.body['code']]).toEqual([400, 'INVALID_ID_CARD_NUMBER']);
    expect(JSON.stringify(badNumber.body)).not.toContain(wrongDigit);

    const badPhone = await region.post(url(`/unions/${unions[0]}/members`), {
      ...good,
      phone: '12345',
    });
    expect([badPhone.status, badPhone.body['code']]).toEqual([400, 'INVALID_PHONE_NUMBER']);

    const wrongGender = await region.post(url(`/unions/${unions[0]}/members`), {
      ...good,
      gender: 'male',
    });
    expect([wrongGender.status, wrongGender.body['code']]).toEqual([422, 'GENDER_MISMATCH']);
    expect(wrongGender.body['detail']).toMatch(/性别/);
  });

  it('transfers only into a union that exists, and not a member nobody knows', async () => {
    const memberId = await created(`/unions/${unions[0]}/members`, person(6));
    const nowhere = await region.post(url(`/members/${memberId}/transfer`), {
      toUnionId: randomUUID(),
      transferredOn: '2024-01-01',
    });
    expect([nowhere.status, nowhere.body['code']]).toEqual([422, 'TARGET_UNION_NOT_FOUND']);
    const nobody = await region.post(url(`/members/${randomUUID()}/transfer`), {
      toUnionId: unions[1],
      transferredOn: '2024-01-01',
    });
    expect(nobody.status).toBe(404);
  });

  it('answers every one of many concurrent joins on its own (group commit): replays, 409s and refusals stay per request', async () => {
    const join = (n: number, headers: Record<string, string> = {}, more = {}) =>
      region.post(url(`/unions/${unions[n % 4]}/members`), person(n, more), headers);
    const existing = await join(600);
    expect(existing.status).toBe(201);

    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => join(700 + i, { 'idempotency-key': `bulk-${i}` })),
      join(600, { 'if-match': '0' }),
      join(800, {}, { gender: 'male' }),
    ]);
    const replays = await Promise.all(
      Array.from({ length: 3 }, (_, i) => join(700 + i, { 'idempotency-key': `bulk-${i}` })),
    );

    expect(answers.slice(0, 40).map((a) => a.status)).toEqual(Array(40).fill(201));
    expect(new Set(answers.slice(0, 40).map((a) => a.body['id'])).size).toBe(40);
    expect([answers[40]!.status, answers[40]!.body['code']]).toEqual([409, 'CONCURRENCY_CONFLICT']);
    expect([answers[41]!.status, answers[41]!.body['code']]).toEqual([422, 'GENDER_MISMATCH']);
    replays.forEach((replay, i) => {
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body['eventIds']).toEqual(answers[i]!.body['eventIds']);
    });
    const keys = await pool().query('SELECT 1 FROM person_keys WHERE member_id = ANY($1)', [
      answers.slice(0, 40).map((a) => a.body['id']),
    ]);
    expect(keys.rowCount).toBe(40);
    expect(await verifyIntegrity(pool())).toMatchObject({ intact: true });
  });
});
