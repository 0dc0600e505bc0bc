import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { regionClient, startServices } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: the city amends its committee table
// from 2024-01-01 (POST /rules/amendments, an event of organisation's own store); a re-election
// entered after the fact is judged by the table in force on the day it was held, and records it.
describe('regional rules, versioned (organisation, integration)', () => {
  let running: RunningServices;
  const region = regionClient({ as: (caller) => running.as(caller) });
  const admin = () => running.as({ role: 'admin' });
  const url = (path: string) => `${running.urls['organisation']!}${path}`;
  let city: string;
  let street: string;
  let streetPath: string;

  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(url(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });

    return answer.body['id'] as string;
  };
  const union = (name: string) =>
    created('/unions', { name, parentId: street, establishedOn: '2015-05-01' });
  const seats = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      name: `委员${i}`,
      post: i === 0 ? 'chair' : 'member',
    }));
  const elect = (unionId: string, heldOn: string, committee: number) =>
    region.post(url(`/unions/${unionId}/elections`), {
      heldOn,
      entitledVoters: 60,
      present: 45,
      committee: seats(committee),
      termYears: 5,
    });
  const ruleSetOf = async (eventId: string) =>
    (
      await running.databases['organisation']!.pool.query<{ rule_set: unknown }>(
        `SELECT data->'ruleSet' AS rule_set FROM events WHERE event_id = $1`,
        [eventId],
      )
    ).rows[0]?.rule_set;
  // From 2024: a union of 26 members or more elects 5 to 7.
  const amendment = (more: Record<string, unknown> = {}) => ({
    region: city,
    version: 2,
    effectiveFrom: '2024-01-01',
    changes: {
      committee: {
        sizeTable: [
          { upTo: 25, min: 3, max: 3 },
          { upTo: null, min: 5, max: 7 },
        ],
      },
    },
    reason: '市总工会关于基层工会委员会人数的通知',
    ...more,
  });

  beforeAll(async () => {
    running = await startServices(['organisation'], [Topics.organisation]);
    city = await created('/org-units', { code: '2101', name: '沈阳市总工会', kind: 'municipal' });
    const district = await created('/org-units', {
      code: '210106',
      name: '铁西区总工会',
      kind: 'district',
      parentId: city,
    });
    street = await created('/org-units', {
      code: '210106002',
      name: '重工街道工会联合会',
      kind: 'street',
      parentId: district,
    });
    streetPath = `${city}/${district}/${street}`;
  });
  afterAll(() => running?.close());

  it('lets only an admin amend, refuses invalid values and a stale version, and shows the history', async () => {
    const officer = await region.post(url('/rules/amendments'), amendment());
    expect(officer.status).toBe(403);
    const even = await admin().post(
      url('/rules/amendments'),
      amendment({ changes: { committee: { sizeTable: [{ upTo: null, min: 4, max: 6 }] } } }),
    );
    expect(even.status).toBe(400);
    const inconsistent = await admin().post(
      url('/rules/amendments'),
      amendment({ changes: { hardship: { relativeIncomeMultiple: 0.5 } } }),
    );
    expect(inconsistent.body).toMatchObject({ status: 422, code: 'INVALID_RULE_VALUES' });

    const amended = await admin().post(url('/rules/amendments'), amendment());
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ id: city, streamId: 'rule-sets' });
    const stale = await admin().post(url('/rules/amendments'), amendment());
    expect(stale.body).toMatchObject({ status: 409, code: 'CONCURRENCY_CONFLICT' });

    // Any signed-in role reads the rules of its region: a cadre of a union in the street.
    const cadre = running.as({ role: 'union_cadre', orgPath: `${streetPath}/u-x` });
    const read = await cadre.get(url('/rules?on=2023-12-31'));
    expect(read.status).toBe(200);
    const regions = read.body['regions'] as { region: string; inForce: { version: number } }[];
    expect(regions.map((r) => [r.region, r.inForce.version])).toEqual([
      ['national', 1],
      [city, 1],
    ]);
    const now = await cadre.get(url('/rules'));
    const ours = (now.body['regions'] as Record<string, unknown>[]).find(
      (r) => r['region'] === city,
    );
    expect(ours).toMatchObject({
      inForce: { version: 2, effectiveFrom: '2024-01-01' },
      versions: [
        { version: 1, effectiveFrom: null },
        { version: 2, reason: '市总工会关于基层工会委员会人数的通知' },
      ],
    });
    // A caller of another region does not see this one.
    const elsewhere = await running
      .as({ role: 'federation_officer', orgPath: '9999' })
      .get(url('/rules'));
    expect((elsewhere.body['regions'] as { region: string }[]).map((r) => r.region)).toEqual([
      'national',
    ]);
  });

  it('judges an election by the table in force on the day it was held, and records its version', async () => {
    const before = await union('铁西机床厂工会');
    const after = await union('铁西重型机械厂工会');

    const old = await elect(before, '2023-06-01', 3);
    expect(old.status).toBe(201);
    expect(await ruleSetOf((old.body['eventIds'] as string[])[0]!)).toEqual({
      region: city,
      version: 1,
    });

    const refused = await elect(after, '2024-03-01', 3);
    expect(refused.body).toMatchObject({ status: 422, code: 'COMMITTEE_SIZE', min: 5, max: 7 });
    const valid = await elect(after, '2024-03-01', 5);
    expect(valid.status).toBe(201);
    expect(await ruleSetOf((valid.body['eventIds'] as string[])[0]!)).toEqual({
      region: city,
      version: 2,
    });
  });

  it('answers a repeated Idempotency-Key with the first answer and records the amendment once', async () => {
    const key = { 'idempotency-key': 'rules-amendment-3' };
    const third = amendment({
      version: 3,
      effectiveFrom: '2025-01-01',
      changes: { disputes: { mediationDays: 30 } },
      reason: '省劳动争议调解条例',
    });
    const first = await admin().post(url('/rules/amendments'), third, key);
    const again = await admin().post(url('/rules/amendments'), third, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('etag')).toBe(`"${String(first.body['streamVersion'])}"`);
    const read = await admin().get(url('/rules'));
    const ours = (read.body['regions'] as { region: string; versions: unknown[] }[]).find(
      (r) => r.region === city,
    );
    expect(ours?.versions).toHaveLength(3);
  });
});
