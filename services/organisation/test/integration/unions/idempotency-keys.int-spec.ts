import { Topics } from '@taizhang/contracts';
import { regionSuite, testCreditCode } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';
import { PREPARATORY_GROUP } from '../../unions/preparatory-group';

// Real PostgreSQL and Kafka, the service as its own process: an Idempotency-Key is bound to the
// route and the target it was first used on, not to the body alone.
describe('Idempotency-Keys (organisation, integration)', () => {
  const { running, region, url, created, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  let street: string;
  const pool = () => running.databases['organisation']!.pool;

  const union = (name: string) =>
    created('/unions', { name, parentId: street, establishedOn: '2001-01-01' });
  const application = async (n: number): Promise<string> => {
    const creditCode = testCreditCode(n);
    await created('/employers', employerRegistration(creditCode, `重工${n}号机械厂`, street));

    return created('/union-applications', {
      proposedName: `重工${n}号机械厂工会委员会`,
      parentId: street,
      employerIds: [creditCode],
      preparatoryGroup: PREPARATORY_GROUP,
    });
  };
  const eventsOf = async (unionId: string): Promise<number> =>
    Number(
      (
        await pool().query<{ count: string }>('SELECT count(*) FROM events WHERE stream_id = $1', [
          `union-${unionId}`,
        ])
      ).rows[0]!.count,
    );
  const keyed = (key: string) => ({ 'idempotency-key': key });

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106002', '重工街道工会联合会', 'street', district);
  });

  it("refuses a key used on one union's rename for another union's, appending nothing; the same union replays", async () => {
    const [first, second] = [await union('机床厂工会'), await union('医院工会')];
    const body = { name: '沈阳机床集团工会', effectiveOn: '2025-01-01' };

    const renamed = await region.post(url(`/unions/${first}/rename`), body, keyed('rename-1'));
    expect(renamed.status).toBe(200);
    const before = await eventsOf(second);
    const elsewhere = await region.post(url(`/unions/${second}/rename`), body, keyed('rename-1'));
    expect([elsewhere.status, elsewhere.body['code']]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await eventsOf(second)).toBe(before);
    expect((await region.get(url(`/unions/${second}`))).body['name']).toBe('医院工会');

    const again = await region.post(url(`/unions/${first}/rename`), body, keyed('rename-1'));
    expect([again.status, again.body]).toEqual([200, renamed.body]);
    // Another route of the same union with the key is another request too.
    const dissolve = await region.post(
      url(`/unions/${first}/dissolve`),
      { reason: '企业破产', dissolvedOn: '2025-02-01' },
      keyed('rename-1'),
    );
    expect([dissolve.status, dissolve.body['code']]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it("refuses a key used on one application's approval for another's (the same empty body)", async () => {
    const [first, second] = [await application(1), await application(2)];

    const approved = await region.post(
      url(`/union-applications/${first}/approve`),
      {},
      keyed('ok'),
    );
    expect(approved.status).toBe(200);
    const before = await eventsOf(second);
    const elsewhere = await region.post(
      url(`/union-applications/${second}/approve`),
      {},
      keyed('ok'),
    );
    expect([elsewhere.status, elsewhere.body['code']]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await eventsOf(second)).toBe(before);
    const again = await region.post(url(`/union-applications/${first}/approve`), {}, keyed('ok'));
    expect([again.status, again.body]).toEqual([200, approved.body]);
  });

  it('still replays a key recorded before keys were bound to a target', async () => {
    const unionId = await union('商圈联合工会');
    const body = { name: '太原街商圈联合工会', effectiveOn: '2025-01-01' };
    const renamed = await region.post(url(`/unions/${unionId}/rename`), body, keyed('old-key'));
    expect(renamed.status).toBe(200);
    // As a row written by the version before: no target recorded.
    await pool().query(
      "UPDATE processed_commands SET request_target = NULL WHERE command_id LIKE '%:old-key'",
    );

    const again = await region.post(url(`/unions/${unionId}/rename`), body, keyed('old-key'));
    expect([again.status, again.body]).toEqual([200, renamed.body]);
  });
});
