import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

import ExcelJS from 'exceljs';
import fc from 'fast-check';

import { eventually } from '@taizhang/testing';

import type { GatewayRegion, Side } from './support/gateway-region';
import {
  applicationBody,
  cadreBody,
  congressBody,
  CONTRACT_STEP_BODIES,
  contractBody,
  disclosureBody,
  disputeBody,
  employerBody,
  hazardBody,
  hotlineBody,
  inspectionBody,
  joinBody,
  MEMBER_HEADERS,
  memberRow,
  memberWorkbook,
  proposalBody,
  seasonBody,
  startGatewayRegion,
  warningBody,
  XLSX,
  zipOf,
} from './support/gateway-region';

/** Today in China: an approval dated today follows an application submitted today. */
const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Two unions in two districts, and callers who try what they must not: one side's users reading
 * and writing the other side's records (cross-tenant sweep), and hostile bodies on every command
 * route (fast-check). Nothing may reach the other side, nothing may be appended, never a 5xx.
 */
describe('hostile callers, through the gateway', () => {
  let region: GatewayRegion;
  const org = (path: string) => `/api/organisation${path}`;
  const rights = (path: string) => `/api/rights${path}`;
  /** A member sheet with one valid row per side: a missing scope check would record it. */
  const workbooks: Buffer[] = [];

  beforeAll(async () => {
    region = await startGatewayRegion();
    for (const side of [0, 1] as const)
      workbooks.push(await memberWorkbook([memberRow(950 + side)]));
    // The region's dispute and request are backdated: rights' clocks mark them within a minute.
    // Until they have, a tick during the sweep would change what the sweep checks stays as it was.
    for (const side of [0, 1] as const)
      await eventually(
        async () => [
          await region.call(
            'GET',
            rights(`/disputes/${region.ids.dispute[side]}`),
            region.cityOfficer,
          ),
          await region.call(
            'GET',
            rights(`/contracts/${region.ids.contract[side]}`),
            region.cityOfficer,
          ),
        ],
        ([dispute, contract]) =>
          dispute!.body['eligibleForArbitration'] === true &&
          contract!.body['status'] === 'Overdue',
        90_000,
      );
  }, 360_000);
  afterAll(() => region?.close(), 120_000);

  describe('cross-tenant sweep', () => {
    const reads = (v: Side): string[] => {
      const ids = region.ids;

      return [
        org(`/unions/${ids.union[v]}`),
        org(`/unions/${ids.union[v]}/workers-home-ratings`),
        org(`/unions/${ids.union[v]}/cadres`),
        org(`/members/${ids.member[v]}`),
        org(`/members/${ids.member[v]}?reveal=true&reason=${encodeURIComponent('核查')}`),
        org(`/employers/${ids.employer[v]}`),
        org(`/union-applications/${ids.application[v]}`),
        org(`/org-units/${ids.street[v]}`),
        org(`/org-units/${ids.district[v]}`),
        rights(`/disputes/${ids.dispute[v]}`),
        rights(`/congresses/${ids.congress[v]}`),
        rights(`/congresses/${ids.congress[v]}/proposals`),
        rights(`/contracts/${ids.contract[v]}`),
        rights(`/proposals/${ids.proposal[v]}`),
        rights(`/bargaining-seasons/${ids.season[v]}`),
        rights(`/inspections/${ids.inspection[v]}`),
        rights(`/hotline-tickets/${ids.hotlineTicket[v]}`),
        rights(`/disclosures/${ids.disclosure[v]}`),
        rights(`/disclosures?unionId=${ids.union[v]}`),
        rights(`/early-warnings/${ids.warning[v]}`),
        ...[ids.union[v], ids.street[v], ids.district[v], ids.city].flatMap((unit) => [
          `/api/reporting/reports/org-units/${unit}/summary`,
          `/api/reporting/reports/org-units/${unit}/children`,
          `/api/reporting/reports/org-units/${unit}/summary?asOf=2026-01-05`,
          `/api/reporting/reports/org-units/${unit}/children?asOf=2026-01-05`,
          `/api/reporting/reports/org-units/${unit}/uncovered-employers`,
          `/api/reporting/reports/org-units/${unit}/uncovered-employers.xlsx`,
          `/api/reporting/reports/org-units/${unit}/submissions?period=2025-12`,
          // Live updates: the neighbour's stream is refused before any id is looked at.
          `/api/reporting/reports/live?unit=${unit}`,
          `/api/reporting/reports/live?unit=${unit}&lastEventId=${encodeURIComponent("0-0'; DROP TABLE events; --")}`,
          // Cached answers and the lists as known at an instant, searched: the scope comes first.
          `/api/reporting/reports/org-units/${unit}/summary?knownAt=2026-01-05T00:00:00Z`,
          `/api/reporting/reports/org-units/${unit}/uncovered-employers?knownAt=2026-01-05T00:00:00Z&name=${encodeURIComponent('工会')}`,
          `/api/reporting/reports/org-units/${unit}/unions?knownAt=2026-01-05T00:00:00Z`,
        ]),
      ];
    };
    const writes = (a: Side, v: Side): [string, unknown, Record<string, string>?][] => {
      const ids = region.ids;
      const congress = {
        heldOn: '2026-01-05',
        entitledVoters: 30,
        present: 25,
        committee: [
          { name: '刘芳', post: 'chair' },
          { name: '陈刚', post: 'member' },
          { name: '周婷', post: 'member' },
        ],
        termYears: 5,
      };

      return [
        [org(`/unions/${ids.union[v]}/members`), joinBody(500 + a)],
        [org(`/unions/${ids.union[v]}/elections`), congress],
        [org(`/unions/${ids.union[v]}/elections/approve`), {}],
        [org(`/unions/${ids.union[v]}/rename`), { name: '改名', effectiveOn: '2026-01-05' }],
        [org(`/unions/${ids.union[v]}/dissolve`), { reason: '撤销', dissolvedOn: '2026-01-05' }],
        [
          org(`/unions/${ids.union[v]}/workers-home-ratings`),
          {
            year: 2025,
            title: 'workers_home',
            awardedByOrgUnitId: ids.district[a],
            awardedOn: '2026-01-05',
          },
        ],
        [org(`/union-applications/${ids.application[v]}/approve`), {}],
        [org(`/union-applications/${ids.application[v]}/approve`), { approvedOn: chinaToday() }],
        // The org tree is the admin's: moving or renaming either side's units is refused.
        [org(`/org-units/${ids.street[v]}/rename`), { name: '改名', effectiveOn: '2026-01-05' }],
        [
          org(`/org-units/${ids.street[v]}/move`),
          { parentId: ids.district[a], effectiveOn: '2026-01-05' },
        ],
        [
          org(`/org-units/${ids.street[a]}/move`),
          { parentId: ids.district[v], effectiveOn: '2026-01-05' },
        ],
        [
          org(`/unions/${ids.union[v]}/move`),
          { parentId: ids.street[a], effectiveOn: '2026-01-05' },
        ],
        [
          org(`/unions/${ids.union[a]}/move`),
          { parentId: ids.street[v], effectiveOn: '2026-01-05' },
        ],
        // Merging the other side's union into one's own, and one's own into the other side's.
        [
          org(`/unions/${ids.union[v]}/merge`),
          { intoUnionId: ids.union[a], mergedOn: '2026-01-05', reason: '合并' },
        ],
        [
          org(`/unions/${ids.union[a]}/merge`),
          { intoUnionId: ids.union[v], mergedOn: '2026-01-05', reason: '合并' },
        ],
        // 三亮: appointing in, removing from the other side's union, also through one's own.
        [org(`/unions/${ids.union[v]}/cadres`), cadreBody('王强')],
        [
          org(`/unions/${ids.union[v]}/cadres/${ids.cadre[v]}/remove`),
          { removedOn: '2026-01-05', reason: '调离' },
        ],
        [
          org(`/unions/${ids.union[a]}/cadres/${ids.cadre[v]}/remove`),
          { removedOn: '2026-01-05', reason: '调离' },
        ],
        [
          org(`/unions/${ids.union[v]}/cadres/${ids.cadre[v]}/details`),
          { phone: '024-23456789', effectiveOn: '2026-01-05' },
        ],
        [
          org(`/unions/${ids.union[a]}/cadres/${ids.cadre[v]}/details`),
          { phone: '024-23456789', effectiveOn: '2026-01-05' },
        ],
        [org(`/unions/${ids.union[v]}/members/import`), workbooks[a], { 'content-type': XLSX }],
        [org(`/union-applications/${ids.application[v]}/reject`), { reason: '不予批准' }],
        [org(`/union-applications/${ids.application[v]}/founding-congress`), congress],
        // Pulling the other side's member in, and pushing one's own member into the other side.
        [
          org(`/members/${ids.member[v]}/transfer`),
          { toUnionId: ids.union[a], transferredOn: '2024-01-01' },
        ],
        [
          org(`/members/${ids.member[a]}/transfer`),
          { toUnionId: ids.union[v], transferredOn: '2024-01-01' },
        ],
        [
          org(`/members/${ids.member[v]}/retain`),
          { reason: 'retired', heldBy: 'federation', since: '2024-01-01' },
        ],
        [org(`/members/${ids.member[v]}/leave`), { reason: '辞职', leftOn: '2024-06-01' }],
        [
          org(`/employers/${ids.employer[v]}/headcounts`),
          {
            asOf: '2025-12-31',
            headcount: 1,
            femaleHeadcount: 0,
            migrantHeadcount: 0,
            newFormHeadcount: 0,
          },
        ],
        [
          org(`/employers/${ids.employer[v]}/headcounts/corrections`),
          {
            asOf: '2025-06-30',
            headcount: 1,
            femaleHeadcount: 0,
            migrantHeadcount: 0,
            newFormHeadcount: 0,
            reason: '录入错误',
          },
        ],
        [
          org(`/employers/${ids.employer[v]}/details`),
          { effectiveOn: '2026-01-05', legalRepresentative: '冒名' },
        ],
        [org(`/employers/${ids.employer[v]}/close`), { closedOn: '2026-01-05', reason: '注销' }],
        // Creating under the other side's units.
        [
          org('/unions'),
          { name: '挂靠工会', parentId: ids.street[v], establishedOn: '2001-01-01' },
        ],
        [
          org('/union-applications'),
          { ...applicationBody(ids.street[v], [ids.employer[v]]), submittedOn: '2026-01-05' },
        ],
        // Under one's own street, naming the other side's employer.
        [org('/union-applications'), applicationBody(ids.street[a], [ids.employer[v]])],
        [org('/employers'), employerBody(600 + a, ids.street[v])],
        // 维权: recording for the other side's union, concluding or answering its records, and
        // naming the other side's member in one's own dispute.
        [rights('/disputes'), disputeBody(ids.union[v], ids.member[v])],
        [rights('/disputes'), disputeBody(ids.union[a], ids.member[v])],
        [
          rights(`/disputes/${ids.dispute[v]}/agreement`),
          { agreedOn: '2026-01-06', amountRecoveredFen: 1 },
        ],
        [rights(`/disputes/${ids.dispute[v]}/failure`), { failedOn: '2026-01-06', reason: '越权' }],
        [
          rights(`/disputes/${ids.dispute[v]}/withdrawal`),
          { withdrawnOn: '2026-01-06', reason: '越权' },
        ],
        [rights('/congresses'), congressBody(ids.union[v])],
        [rights(`/congresses/${ids.congress[v]}/resolutions`), { title: '越权', votesFor: 40 }],
        [rights('/contracts'), contractBody(ids.union[v], ids.employer[v])],
        [rights(`/contracts/${ids.contract[v]}/answer`), { answeredOn: '2026-01-06' }],
        [rights('/proposals'), proposalBody(ids.congress[v])],
        [
          rights(`/proposals/${ids.proposal[v]}/decision`),
          { outcome: 'accepted', decidedOn: '2026-01-06' },
        ],
        [
          rights(`/proposals/${ids.proposal[v]}/answer`),
          { answeredOn: '2026-01-06', answer: '越权' },
        ],
        [rights(`/proposals/${ids.proposal[v]}/implementation`), { implementedOn: '2026-01-06' }],
        // 集体合同's later steps on the other side's contract; a season for the other district.
        ...Object.entries(CONTRACT_STEP_BODIES).map(([step, body]): [string, object] => [
          rights(`/contracts/${ids.contract[v]}/${step}`),
          body,
        ]),
        [rights('/bargaining-seasons'), seasonBody(ids.district[v])],
        [rights('/inspections'), inspectionBody(ids.union[v])],
        [rights(`/inspections/${ids.inspection[v]}/hazards`), hazardBody()],
        [
          rights(
            `/inspections/${ids.inspection[v]}/hazards/${ids.hazard[v]}/rectification-request`,
          ),
          { requestedOn: '2026-01-06', dueOn: '2026-01-20' },
        ],
        [
          rights(`/inspections/${ids.inspection[v]}/hazards/${ids.hazard[v]}/rectified`),
          { rectifiedOn: '2026-01-06' },
        ],
        [
          rights(`/inspections/${ids.inspection[v]}/hazards/${ids.hazard[v]}/verification`),
          { verifiedOn: '2026-01-06', by: '越权' },
        ],
        // 12351 热线: receiving for the other side's union, handing on or closing its ticket, and
        // handing its ticket to one's own union.
        [rights('/hotline-tickets'), hotlineBody(ids.union[v])],
        ...[ids.union[v], ids.union[a]].map(
          (toOrgUnitId) =>
            [
              rights(`/hotline-tickets/${ids.hotlineTicket[v]}/assignment`),
              { toOrgUnitId, assignedAt: '2026-01-05T10:00:00+08:00' },
            ] as [string, object],
        ),
        [
          rights(`/hotline-tickets/${ids.hotlineTicket[v]}/call-back`),
          { calledBackAt: '2026-01-06T10:00:00+08:00', note: '越权' },
        ],
        [
          rights(`/hotline-tickets/${ids.hotlineTicket[v]}/closure`),
          { closedAt: '2026-01-06T10:00:00+08:00', outcome: 'resolved' },
        ],
        // 报表报送: submitting the other side's district's report.
        [`/api/reporting/reports/org-units/${ids.district[v]}/submissions`, { period: '2025-12' }],
        // 厂务公开 and 劳动关系预警: for the other side's union, or on its records.
        [rights('/disclosures'), disclosureBody(ids.union[v])],
        [
          rights(`/disclosures/${ids.disclosure[v]}/withdrawal`),
          { withdrawnOn: '2026-01-06', reason: '越权' },
        ],
        [rights('/early-warnings'), warningBody(ids.union[v])],
        [rights('/early-warnings'), warningBody(ids.district[v])],
        [
          rights(`/early-warnings/${ids.warning[v]}/follow-ups`),
          { on: '2026-01-06', action: '越权' },
        ],
        [
          rights(`/early-warnings/${ids.warning[v]}/level`),
          { to: 'red', changedOn: '2026-01-06', reason: '越权' },
        ],
        [
          rights(`/early-warnings/${ids.warning[v]}/resolution`),
          { resolvedOn: '2026-01-06', outcome: '越权' },
        ],
      ];
    };
    // What the other side holds, as its own officer reads it: must not change.
    const snapshot = async (v: Side) => {
      const officer = region.tokens.federation_officer[v];
      const ids = region.ids;
      const read = async (path: string) => (await region.call('GET', path, officer)).body;

      return {
        union: await read(org(`/unions/${ids.union[v]}`)),
        member: await read(org(`/members/${ids.member[v]}`)),
        employer: await read(org(`/employers/${ids.employer[v]}`)),
        application: await read(org(`/union-applications/${ids.application[v]}`)),
        cadres: await read(org(`/unions/${ids.union[v]}/cadres`)),
        dispute: await read(rights(`/disputes/${ids.dispute[v]}`)),
        congress: await read(rights(`/congresses/${ids.congress[v]}`)),
        contract: await read(rights(`/contracts/${ids.contract[v]}`)),
        proposal: await read(rights(`/proposals/${ids.proposal[v]}`)),
        season: await read(rights(`/bargaining-seasons/${ids.season[v]}`)),
        inspection: await read(rights(`/inspections/${ids.inspection[v]}`)),
        disclosure: await read(rights(`/disclosures/${ids.disclosure[v]}`)),
        warning: await read(rights(`/early-warnings/${ids.warning[v]}`)),
      };
    };

    it.each([0, 1] as const)(
      "lets no user of side %i read or change anything of the other side's",
      async (a) => {
        const v: Side = a === 0 ? 1 : 0;
        const before = {
          events: await region.eventCount(),
          rightsEvents: await region.rightsEventCount(),
          victim: await snapshot(v),
        };
        const refused: string[] = [];
        for (const role of ['union_cadre', 'federation_officer', 'auditor'] as const) {
          const token = region.tokens[role][a];
          for (const path of reads(v)) {
            const answer = await region.call('GET', path, token);
            // 404 where the role may read such records, 403 where it may not at all.
            if (![403, 404].includes(answer.status))
              refused.push(`${role} GET ${path} → ${answer.status}`);
          }
          for (const [path, body, headers] of writes(a, v)) {
            const answer = await region.call('POST', path, token, body, headers);
            // An employer of the other side is not under one's own street (the registry is
            // checked, never the other side's records changed).
            const unknownParent = [
              'PARENT_NOT_FOUND',
              'STREET_NOT_FOUND',
              'TARGET_UNION_NOT_FOUND',
              'EMPLOYER_NOT_REGISTERED',
              'EMPLOYER_OUTSIDE_PARENT',
              // The other side's member is no member of one's own union (never named).
              'CLAIMANT_NOT_MEMBER',
            ];
            const ok =
              [403, 404].includes(answer.status) ||
              (answer.status === 422 && unknownParent.includes(answer.body['code'] as string));
            if (!ok) refused.push(`${role} POST ${path} → ${answer.status} ${answer.body['code']}`);
          }
        }

        expect(refused).toEqual([]);
        expect(await region.eventCount()).toBe(before.events);
        expect(await region.rightsEventCount()).toBe(before.rightsEvents);
        expect(await snapshot(v)).toEqual(before.victim);
      },
      // Every role × every route of the other side, one request at a time.
      180_000,
    );

    it("shows each district's officer its own figures only", async () => {
      for (const side of [0, 1] as const) {
        const own = await region.call(
          'GET',
          `/api/reporting/reports/org-units/${region.ids.district[side]}/summary`,
          region.tokens.federation_officer[side],
        );
        expect(own.body).toMatchObject({ unions: 1, members: 1 });
        const drill = await region.call(
          'GET',
          `/api/reporting/reports/org-units/${region.ids.district[side]}/children`,
          region.tokens.federation_officer[side],
        );
        expect((drill.body['children'] as { orgUnitId: string }[]).map((c) => c.orgUnitId)).toEqual(
          [region.ids.street[side]],
        );
        // The list of employers without a union: its own, never the neighbour's; and as a sheet.
        const uncovered = await region.call(
          'GET',
          `/api/reporting/reports/org-units/${region.ids.district[side]}/uncovered-employers`,
          region.tokens.federation_officer[side],
        );
        const listed = (uncovered.body['employers'] as { employerId: string }[]).map(
          (e) => e.employerId,
        );
        expect(listed).toContain(region.ids.employer[side]);
        expect(listed).not.toContain(region.ids.employer[side === 0 ? 1 : 0]);
        const sheet = await fetch(
          `${region.gatewayUrl}/api/reporting/reports/org-units/${region.ids.district[side]}/uncovered-employers.xlsx`,
          { headers: { authorization: `Bearer ${region.tokens.federation_officer[side]}` } },
        );
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await sheet.arrayBuffer());
        expect(workbook.worksheets[0]!.getRow(2).values).toContain('单位名称');
        expect(workbook.worksheets[0]!.rowCount).toBe(2 + listed.length);
      }
    });
  });

  // 12 KB that once stopped the gateway: the proxy re-serialised the body in a later tick and
  // the stack overflow was uncaught.
  it('answers JSON nested 6,000 deep with 400 at the gateway and at a service, and both keep answering', async () => {
    const nested = '['.repeat(6000) + ']'.repeat(6000);
    const cadre = region.tokens.union_cadre[0];
    const organisation = region.running.urls['organisation']!;
    const direct = await fetch(`${organisation}/unions/${region.ids.union[0]}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cadre}`, 'content-type': 'application/json' },
      body: nested,
    });
    const through = await region.call('POST', '/api/organisation/x', cadre, nested);

    expect([through.status, through.body['code']]).toEqual([400, 'JSON_TOO_DEEP']);
    expect([direct.status, ((await direct.json()) as { code: string }).code]).toEqual([
      400,
      'JSON_TOO_DEEP',
    ]);
    expect((await fetch(`${region.gatewayUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${organisation}/health/live`)).status).toBe(200);
    expect(
      (await region.call('GET', `/api/organisation/unions/${region.ids.union[0]}`, cadre)).status,
    ).toBe(200);
  });

  describe('hostile bodies (fast-check)', () => {
    // FC_SEED=<seed> replays a failed run (fast-check prints the seed).
    const replay = process.env['FC_SEED'] ? { seed: Number(process.env['FC_SEED']) } : {};
    const FRAGMENTS = [
      "'; DROP TABLE events; --",
      '1 OR 1=1',
      "' UNION SELECT * FROM person_keys --",
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '${jndi:ldap://x/a}',
      '{{7*7}}',
      '../../../../etc/passwd',
      '\u0000\u0001',
      '\uD800',
      '工会\u202E名称',
    ];
    const fragment = fc.constantFrom(...FRAGMENTS);
    const wrongType = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
    );
    const POLLUTION = ['__proto__', 'constructor', 'prototype'];

    /** Raw JSON text (or bytes) that is never a valid command, built from a valid body. */
    const hostile = (
      valid: Record<string, unknown>,
      optional: string[] = [],
    ): fc.Arbitrary<string | Buffer> => {
      const fields = Object.keys(valid);
      const field = fc.constantFrom(...fields);
      // Leaving out an optional field makes no body invalid: only required ones are left out.
      const required = fields.filter((f) => !optional.includes(f));
      const missing = required.length > 0 ? [fc.constantFrom(...required)] : [];
      const text = (body: Record<string, unknown>) => JSON.stringify(body);

      return fc.oneof(
        // A field of the wrong type.
        fc
          .tuple(field, wrongType)
          .filter(
            ([f, value]) =>
              typeof value !== typeof valid[f] || Array.isArray(value) !== Array.isArray(valid[f]),
          )
          .map(([f, value]) => text({ ...valid, [f]: value === undefined ? null : value })),
        // A string far longer than any field allows, or beyond the 1 MiB body limit.
        fc
          .tuple(field, fc.constantFrom(5_000, 70_000, 1_100_000), fragment)
          .map(([f, n, frag]) => text({ ...valid, [f]: frag + 'x'.repeat(n) })),
        // An unknown field, carrying a fragment.
        fc
          .tuple(fc.string({ minLength: 1, maxLength: 12 }), fragment)
          .filter(([key]) => !fields.includes(key))
          .map(([key, frag]) => text({ ...valid, [key]: frag })),
        // Prototype pollution: the key written into the JSON text itself.
        fc
          .tuple(fc.constantFrom(...POLLUTION), fragment)
          .map(
            ([key, frag]) =>
              `{${JSON.stringify(key)}:{"polluted":${JSON.stringify(frag)},"isAdmin":true},${text(valid).slice(1)}`,
          ),
        // A required field missing, and fragments in every string field.
        ...missing.map((requiredField) =>
          fc.tuple(requiredField, fragment).map(([f, frag]) => {
            const body: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(valid))
              if (key !== f) body[key] = typeof value === 'string' ? frag : value;

            return text(body);
          }),
        ),
        // Invalid UTF-8 inside a string.
        fc
          .tuple(field, fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe5, 0xb7]))
          .map(([f, bytes]) => {
            const marker = '\u0007MARK\u0007';
            const [before, after] = text({ ...valid, [f]: marker }).split(
              JSON.stringify(marker),
            ) as [string, string];

            return Buffer.concat([
              Buffer.from(`${before}"`),
              Buffer.from(bytes),
              Buffer.from(`"${after}`),
            ]);
          }),
        // Not an object at all, or not JSON.
        fc.constantFrom('[]', '"x"', '0', 'null', 'true', '{', '{"a":}', '\u0000', ''),
      );
    };

    const commandRoutes = (): {
      path: string;
      admin: boolean;
      valid: Record<string, unknown>;
      optional?: string[];
      /** Checked first with a stale If-Match: the valid body passes every check up to the 409. */
      control?: true;
    }[] => {
      const ids = region.ids;
      const congress = {
        heldOn: '2026-01-05',
        entitledVoters: 30,
        present: 25,
        committee: [
          { name: '刘芳', post: 'chair' },
          { name: '陈刚', post: 'member' },
          { name: '周婷', post: 'member' },
        ],
        termYears: 5,
      };

      return [
        {
          path: '/org-units',
          admin: true,
          valid: { code: 'x1', name: '街道', kind: 'street', parentId: ids.district[0] },
        },
        {
          path: '/unions',
          admin: false,
          valid: { name: '工会', parentId: ids.street[0], establishedOn: '2001-01-01' },
        },
        // 存量工会登记 naming the serving committee (its term for 换届预警).
        {
          path: '/unions',
          admin: false,
          valid: {
            name: '工会',
            parentId: ids.street[0],
            establishedOn: '2001-01-01',
            currentTerm: { electedOn: '2024-03-01', termYears: 5 },
          },
          optional: ['currentTerm'],
        },
        { path: `/unions/${ids.union[0]}/elections`, admin: false, valid: congress },
        {
          path: `/unions/${ids.union[0]}/rename`,
          admin: false,
          valid: { name: '改名', effectiveOn: '2026-01-05' },
        },
        {
          path: `/unions/${ids.union[0]}/type`,
          admin: false,
          valid: { unionType: 'joint', effectiveOn: '2026-01-05' },
        },
        {
          path: `/unions/${ids.union[0]}/branches`,
          admin: false,
          valid: { kind: 'branch_union', name: '车间工会', establishedOn: '2026-01-05' },
        },
        {
          path: `/members/${ids.member[0]}/branch`,
          admin: false,
          valid: { branchId: null, placedOn: '2026-01-05' },
        },
        {
          path: `/org-units/${ids.street[0]}/rename`,
          control: true,
          admin: true,
          valid: { name: '更名街道', effectiveOn: '2026-01-05' },
        },
        {
          path: `/org-units/${ids.street[0]}/move`,
          control: true,
          admin: true,
          valid: { parentId: ids.district[1], effectiveOn: '2026-01-05' },
        },
        {
          path: `/unions/${ids.union[0]}/move`,
          control: true,
          admin: true,
          valid: { parentId: ids.street[1], effectiveOn: '2026-01-05' },
        },
        {
          path: `/unions/${ids.union[0]}/merge`,
          control: true,
          admin: false,
          valid: { intoUnionId: ids.union[1], mergedOn: '2026-01-05', reason: '企业合并重组' },
        },
        {
          path: `/unions/${ids.union[0]}/cadres`,
          admin: false,
          valid: cadreBody('赵敏'),
          control: true,
        },
        {
          path: `/unions/${ids.union[0]}/cadres/${ids.cadre[0]}/remove`,
          control: true,
          admin: false,
          valid: { removedOn: '2026-01-05', reason: '调离本单位' },
        },
        {
          path: `/unions/${ids.union[0]}/cadres/${ids.cadre[0]}/details`,
          control: true,
          admin: false,
          valid: { phone: '024-23456789', duties: '主持工会全面工作', effectiveOn: '2026-01-05' },
          optional: ['phone', 'duties'],
        },
        {
          path: `/unions/${ids.union[0]}/dissolve`,
          admin: false,
          valid: { reason: '撤销', dissolvedOn: '2026-01-05' },
        },
        {
          path: `/unions/${ids.union[0]}/workers-home-ratings`,
          admin: false,
          valid: {
            year: 2025,
            title: 'workers_home',
            awardedByOrgUnitId: ids.district[0],
            awardedOn: '2026-01-05',
          },
        },
        {
          path: '/union-applications',
          control: true,
          admin: false,
          valid: {
            ...applicationBody(ids.street[0], [ids.employer[0]]),
            submittedOn: '2026-01-05',
          },
          optional: ['submittedOn'],
        },
        {
          path: `/union-applications/${ids.application[0]}/approve`,
          control: true,
          admin: false,
          valid: { approvedOn: chinaToday() },
          optional: ['approvedOn'],
        },
        {
          path: `/union-applications/${ids.application[0]}/reject`,
          admin: false,
          valid: { reason: '不予批准' },
        },
        {
          path: `/union-applications/${ids.application[0]}/founding-congress`,
          admin: false,
          valid: congress,
        },
        { path: `/unions/${ids.union[0]}/members`, admin: false, valid: joinBody(700) },
        { path: `/org-units/${ids.street[0]}/members`, admin: false, valid: joinBody(701) },
        {
          path: `/members/${ids.member[0]}/transfer`,
          admin: false,
          valid: { toUnionId: ids.union[1], transferredOn: '2024-01-01' },
        },
        {
          path: `/members/${ids.member[0]}/retain`,
          admin: false,
          valid: { reason: 'retired', heldBy: 'union', since: '2024-01-01' },
        },
        {
          path: `/members/${ids.member[0]}/leave`,
          admin: false,
          valid: { reason: '辞职', leftOn: '2024-06-01' },
        },
        { path: `/members/${ids.member[0]}/erase`, admin: true, valid: { reason: '本人申请' } },
        { path: '/employers', admin: false, valid: employerBody(800, ids.street[0]) },
        {
          path: `/employers/${ids.employer[0]}/headcounts`,
          admin: false,
          valid: {
            asOf: '2025-12-31',
            headcount: 120,
            femaleHeadcount: 50,
            migrantHeadcount: 0,
            newFormHeadcount: 0,
          },
        },
        {
          path: `/employers/${ids.employer[0]}/headcounts/corrections`,
          admin: false,
          valid: {
            asOf: '2019-01-01',
            headcount: 120,
            femaleHeadcount: 50,
            migrantHeadcount: 0,
            newFormHeadcount: 0,
            reason: '录入错误',
          },
        },
        {
          path: `/employers/${ids.employer[0]}/details`,
          admin: false,
          valid: { effectiveOn: '2026-01-05', address: '沈阳市和平区南京北街1号' },
        },
        {
          path: `/employers/${ids.employer[0]}/close`,
          admin: false,
          valid: { closedOn: '2026-01-05', reason: '注销' },
        },
      ];
    };

    it('answers at least 200 hostile bodies per command route with a 4xx, appending nothing', async () => {
      const serverErrors: string[] = [];
      const controls: string[] = [];
      for (const route of commandRoutes()) {
        const token = route.admin ? region.admin : region.cityOfficer;
        const before = await region.eventCount();
        if (route.control) {
          // Were the valid body refused anyway, refusing the hostile ones would prove nothing.
          const answer = await region.call('POST', org(route.path), token, route.valid, {
            'if-match': '999',
          });
          if (answer.status !== 409)
            controls.push(`${route.path} → ${answer.status} ${JSON.stringify(answer.body)}`);
        }
        await fc.assert(
          fc.asyncProperty(hostile(route.valid, route.optional), async (body) => {
            const answer = await region.call('POST', org(route.path), token, body);
            if (answer.status >= 500) serverErrors.push(`${route.path} → ${answer.status}`);

            return answer.status >= 400 && answer.status < 500;
          }),
          { numRuns: 200, ...replay },
        );
        expect({ route: route.path, events: await region.eventCount() }).toEqual({
          route: route.path,
          events: before,
        });
      }
      expect(serverErrors).toEqual([]);
      expect(controls).toEqual([]);
    }, 900_000);

    it('answers at least 200 hostile bodies per rights command route with a 4xx, appending nothing', async () => {
      const ids = region.ids;
      const routes: { path: string; valid: Record<string, unknown>; optional?: string[] }[] = [
        { path: '/disputes', valid: disputeBody(ids.union[0], ids.member[0]) },
        {
          path: `/disputes/${ids.dispute[0]}/agreement`,
          valid: { agreedOn: '2026-01-06', amountRecoveredFen: 100 },
        },
        {
          path: `/disputes/${ids.dispute[0]}/failure`,
          valid: { failedOn: '2026-01-06', reason: '用人单位拒绝调解' },
        },
        {
          path: `/disputes/${ids.dispute[0]}/withdrawal`,
          valid: { withdrawnOn: '2026-01-06', reason: '撤回' },
        },
        { path: '/congresses', valid: congressBody(ids.union[0]) },
        {
          path: `/congresses/${ids.congress[0]}/resolutions`,
          valid: { title: '工资集体协商方案', votesFor: 31 },
        },
        { path: '/contracts', valid: contractBody(ids.union[0], ids.employer[0]) },
        { path: `/contracts/${ids.contract[0]}/answer`, valid: { answeredOn: '2026-01-06' } },
        { path: '/proposals', valid: proposalBody(ids.congress[0]) },
        {
          path: `/proposals/${ids.proposal[0]}/decision`,
          valid: { outcome: 'not_accepted', decidedOn: '2026-01-06', reason: '不属于提案范围' },
          optional: ['reason'],
        },
        {
          path: `/proposals/${ids.proposal[0]}/answer`,
          valid: { answeredOn: '2026-01-07', answer: '已增设就餐窗口' },
        },
        {
          path: `/proposals/${ids.proposal[0]}/implementation`,
          valid: { implementedOn: '2026-01-08' },
        },
        ...Object.entries(CONTRACT_STEP_BODIES).map(([step, valid]) => ({
          path: `/contracts/${ids.contract[0]}/${step}`,
          valid: valid as Record<string, unknown>,
          optional: ['notes', 'wageIncreasePercent', 'employerIds'],
        })),
        { path: '/bargaining-seasons', valid: seasonBody(ids.district[0]) },
        { path: '/inspections', valid: inspectionBody(ids.union[0]) },
        { path: `/inspections/${ids.inspection[0]}/hazards`, valid: hazardBody() },
        {
          path: `/inspections/${ids.inspection[0]}/hazards/${ids.hazard[0]}/rectification-request`,
          valid: { requestedOn: '2026-01-06', dueOn: '2026-01-20' },
        },
        {
          path: `/inspections/${ids.inspection[0]}/hazards/${ids.hazard[0]}/rectified`,
          valid: { rectifiedOn: '2026-01-10' },
        },
        {
          path: `/inspections/${ids.inspection[0]}/hazards/${ids.hazard[0]}/verification`,
          valid: { verifiedOn: '2026-01-12', by: '王芳' },
        },
        {
          path: '/hotline-tickets',
          valid: { ...hotlineBody(ids.union[0]), callerUnionId: ids.union[0], legalAid: true },
          optional: ['callerName', 'callerUnionId', 'legalAid'],
        },
        {
          path: `/hotline-tickets/${ids.hotlineTicket[0]}/assignment`,
          valid: { toOrgUnitId: ids.union[0], assignedAt: '2026-01-05T10:00:00+08:00' },
        },
        {
          path: `/hotline-tickets/${ids.hotlineTicket[0]}/call-back`,
          valid: { calledBackAt: '2026-01-06T10:00:00+08:00', note: '已联系企业' },
        },
        {
          path: `/hotline-tickets/${ids.hotlineTicket[0]}/closure`,
          valid: {
            closedAt: '2026-01-07T10:00:00+08:00',
            outcome: 'resolved',
            satisfaction: 4,
            wagesRecoveredFen: 100,
          },
          optional: ['satisfaction', 'wagesRecoveredFen'],
        },
        { path: '/disclosures', valid: disclosureBody(ids.union[0]), optional: ['notes'] },
        {
          path: `/disclosures/${ids.disclosure[0]}/withdrawal`,
          valid: { withdrawnOn: '2026-01-06', reason: '误登记' },
        },
        { path: '/early-warnings', valid: warningBody(ids.union[0]) },
        {
          path: `/early-warnings/${ids.warning[0]}/follow-ups`,
          valid: { on: '2026-01-06', action: '约谈企业负责人' },
        },
        {
          path: `/early-warnings/${ids.warning[0]}/level`,
          valid: { to: 'red', changedOn: '2026-01-06', reason: '职工聚集' },
        },
        {
          path: `/early-warnings/${ids.warning[0]}/resolution`,
          valid: { resolvedOn: '2026-01-07', outcome: '工资已补发' },
        },
      ];
      const serverErrors: string[] = [];
      const controls: string[] = [];
      for (const route of routes) {
        const before = await region.rightsEventCount();
        // Were the valid body refused anyway, refusing the hostile ones would prove nothing.
        const control = await region.call(
          'POST',
          rights(route.path),
          region.cityOfficer,
          route.valid,
          {
            'if-match': '999',
          },
        );
        if (control.status !== 409)
          controls.push(`${route.path} → ${control.status} ${JSON.stringify(control.body)}`);
        await fc.assert(
          fc.asyncProperty(hostile(route.valid, route.optional), async (body) => {
            const answer = await region.call('POST', rights(route.path), region.cityOfficer, body);
            if (answer.status >= 500) serverErrors.push(`${route.path} → ${answer.status}`);

            return answer.status >= 400 && answer.status < 500;
          }),
          { numRuns: 200, ...replay },
        );
        expect({ route: route.path, events: await region.rightsEventCount() }).toEqual({
          route: route.path,
          events: before,
        });
      }
      expect(serverErrors).toEqual([]);
      expect(controls).toEqual([]);
    }, 900_000);

    it('answers at least 200 hostile bodies on a report submission (报表报送) with a 4xx, appending nothing', async () => {
      const path = `/api/reporting/reports/org-units/${region.ids.district[0]}/submissions`;
      // The district's own officer: only its own unit's report may be submitted.
      const officer = region.tokens.federation_officer[0];
      const reports = async () =>
        Number(
          (
            await region.running.databases['reporting']!.pool.query<{ count: string }>(
              'SELECT count(*) AS count FROM events',
            )
          ).rows[0]!.count,
        );
      const before = await reports();
      // Were the valid body refused anyway, refusing the hostile ones would prove nothing.
      const control = await region.call(
        'POST',
        path,
        officer,
        { period: '2025-12' },
        {
          'if-match': '999',
        },
      );
      expect(control.status).toBe(409);
      const serverErrors: string[] = [];
      await fc.assert(
        fc.asyncProperty(hostile({ period: '2025-12' }), async (body) => {
          const answer = await region.call('POST', path, officer, body);
          if (answer.status >= 500) serverErrors.push(`${path} → ${answer.status}`);

          return answer.status >= 400 && answer.status < 500;
        }),
        { numRuns: 200, ...replay },
      );
      expect(serverErrors).toEqual([]);
      expect(await reports()).toBe(before);
    }, 300_000);

    // 会员批量导入 takes the workbook itself: hostile bytes, broken zips and sheets whose every
    // row is refused (no valid ID card number), never a row recorded, never a 5xx.
    const hostileCell = fc.oneof(
      fragment,
      fc.constantFrom(
        '',
        ' ',
        '是',
        '否',
        '女',
        '男',
        '正式',
        '2020-07-01',
        '2099-01-01',
        '0000-00-00',
      ),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(40_000, 200_000).map((n) => 'x'.repeat(n)),
      fc.oneof(fc.integer(), fc.double(), fc.boolean()),
      fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
      fc.constantFrom<ExcelJS.CellValue>(
        null,
        { formula: 'HYPERLINK("http://x/a","点击")', result: '点击' },
        { formula: 'A1/0', result: { error: '#DIV/0!' } },
        { error: '#N/A' },
        { richText: [{ text: '刘' }, { text: '芳', font: { bold: true } }] },
        { text: '链接', hyperlink: 'javascript:alert(1)' },
      ),
    );
    // Never a valid number: a fragment, a number cell, or a real number with its check digit off.
    const hostileIdCard = fc.oneof(
      fragment,
      fc.integer({ min: 0 }),
      fc.constantFrom(210102199001011234, '21010219900101123', '2101021990010112345'),
      fc.nat(99).map((n) => {
        const number = memberRow(300 + n)[2] as string;
        const last = number.at(-1) === '0' ? '1' : '0';

        return number.slice(0, -1) + last;
      }),
    );
    const hostileSheet = fc
      .record({
        headers: fc.oneof(
          fc.constant(MEMBER_HEADERS),
          fc.shuffledSubarray(MEMBER_HEADERS),
          fc.array(fc.oneof(fragment, fc.constantFrom(...MEMBER_HEADERS)), { maxLength: 12 }),
        ),
        rows: fc.array(
          fc.tuple(hostileCell, hostileCell, hostileIdCard, hostileCell, hostileCell, hostileCell),
          { maxLength: 8 },
        ),
      })
      .map(async ({ headers, rows }) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('会员花名册');
        // A title row carrying a fragment above the headers.
        sheet.addRow([FRAGMENTS[rows.length % FRAGMENTS.length]]);
        sheet.addRow(headers);
        for (const [name, gender, idCard, form, migrant, joinedOn] of rows)
          sheet.addRow([name, gender, idCard, form, migrant, joinedOn]);

        return Buffer.from(await book.xlsx.writeBuffer());
      });
    const hostileImport = (
      refused: Buffer,
    ): fc.Arbitrary<{ what: string; body: () => Promise<string | Buffer>; type: string }> =>
      fc.oneof(
        fc.uint8Array({ maxLength: 4_000 }).map((bytes) => ({
          what: `${bytes.length} random bytes`,
          body: () => Promise.resolve(Buffer.from(bytes)),
          type: XLSX,
        })),
        // A workbook cut short or with bytes overwritten (a zip whose parts no longer add up).
        fc
          .tuple(fc.nat(refused.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 }))
          .map(([at, bytes]) => ({
            what: `workbook, ${bytes.length} bytes overwritten at ${at}`,
            body: () => {
              const copy = Buffer.from(refused);
              copy.set(bytes.subarray(0, copy.length - at), at);

              return Promise.resolve(copy);
            },
            type: XLSX,
          })),
        // The zip's table of contents at its end (counts, sizes, offsets) overwritten.
        fc
          .tuple(fc.nat(119), fc.uint8Array({ minLength: 1, maxLength: 8 }))
          .map(([back, bytes]) => ({
            what: `workbook, ${bytes.length} bytes overwritten ${back + 1} bytes from its end`,
            body: () => {
              const copy = Buffer.from(refused);
              const at = copy.length - 1 - back;
              copy.set(bytes.subarray(0, copy.length - at), at);

              return Promise.resolve(copy);
            },
            type: XLSX,
          })),
        // A zip of parts that lie: wrong sizes and checksums, odd names, not XML or hostile XML.
        fc
          .array(
            fc.record({
              name: fc.oneof(
                fc.constantFrom(
                  '[Content_Types].xml',
                  'xl/workbook.xml',
                  'xl/worksheets/sheet1.xml',
                  'xl/sharedStrings.xml',
                  '_rels/.rels',
                ),
                fragment,
              ),
              text: fc.oneof(
                fragment,
                fc.string({ maxLength: 200 }),
                fc.constantFrom(
                  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
                  '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>',
                  '<worksheet><sheetData><row r="1048577"><c r="XFE1" t="s"><v>99999</v></c></row></sheetData></worksheet>',
                ),
              ),
              size: fc.nat(),
              crc: fc.nat(),
              stored: fc.boolean(),
            }),
            { minLength: 1, maxLength: 6 },
          )
          .map((parts) => ({
            what: `zip of ${parts.map((part) => part.name).join(', ')}`,
            body: () =>
              Promise.resolve(
                zipOf(
                  parts.map(({ name, text, size, crc, stored }) => ({
                    name,
                    deflated: stored ? Buffer.from(text) : deflateRawSync(Buffer.from(text)),
                    size,
                    crc,
                    stored,
                  })),
                ),
              ),
            type: XLSX,
          })),
        fc.nat(refused.length - 1).map((at) => ({
          what: `workbook cut at ${at}`,
          body: () => Promise.resolve(refused.subarray(0, at)),
          type: XLSX,
        })),
        hostileSheet.map((sheet) => ({ what: 'hostile sheet', body: () => sheet, type: XLSX })),
        // The wrong media type for a workbook, or JSON where a workbook belongs.
        fc
          .constantFrom(
            'application/json',
            'text/plain',
            'application/octet-stream',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
          )
          .map((type) => ({
            what: `workbook as ${type}`,
            body: () => Promise.resolve(refused),
            type,
          })),
        fc
          .constantFrom('{}', '[]', '{"__proto__":{"isAdmin":true}}', 'null', '', 'PK\u0003\u0004')
          .chain((text) =>
            fc.constantFrom(XLSX, 'application/json').map((type) => ({
              what: `${JSON.stringify(text)} as ${type}`,
              body: () => Promise.resolve(text),
              type,
            })),
          ),
      );

    it('answers at least 200 hostile workbooks on the member import without a 5xx, recording nobody', async () => {
      const path = org(`/unions/${region.ids.union[0]}/members/import`);
      // Every row refused: a number with its check digit off, and a member too young.
      const refused = await memberWorkbook([
        [...memberRow(960).slice(0, 2), `${(memberRow(960)[2] as string).slice(0, 17)}Y`],
        memberRow(961).map((cell, i) => (i === 5 ? '1990-01-01' : cell)),
      ]);
      // Every answer that is a 5xx or records someone, with what was sent (shrinking included).
      const wrong: string[] = [];
      const before = await region.eventCount();
      const run = await fc.check(
        fc.asyncProperty(hostileImport(refused), async ({ what, body, type }) => {
          const sent = await body();
          const answer = await region.call('POST', path, region.cityOfficer, sent, {
            'content-type': type,
          });
          const recorded = answer.status < 300 ? answer.body['recorded'] : 0;
          const ok = answer.status < 500 && recorded === 0;
          if (!ok)
            wrong.push(
              `${what} (${type}, ${Buffer.from(sent).toString('base64')}) → ${answer.status} ${JSON.stringify(answer.body)}`,
            );

          return ok;
        }),
        { numRuns: 200, ...replay },
      );
      expect(wrong).toEqual([]);
      expect({ failed: run.failed, numRuns: run.numRuns }).toEqual({ failed: false, numRuns: 200 });
      expect(await region.eventCount()).toBe(before);
    }, 900_000);

    // Found by the fuzzing above (seed -1874041627): the central directory is intact, so the
    // size check passes, but the local header of one part declares 0 compressed bytes; exceljs's
    // streaming reader then neither reads the sheet nor fails, and the request never ends.
    it('refuses a workbook whose local header disagrees with its central directory', async () => {
      const book = await memberWorkbook([memberRow(962)]);
      const header = book.indexOf(Buffer.from('xl/_rels/workbook.xml.rels')) - 30;
      book.writeUInt32LE(0, header + 18);
      const answer = await region.call(
        'POST',
        org(`/unions/${region.ids.union[0]}/members/import`),
        region.cityOfficer,
        book,
        { 'content-type': XLSX },
      );

      expect({ status: answer.status, code: answer.body['code'] }).toEqual({
        status: 422,
        code: 'INVALID_WORKBOOK',
      });
    }, 120_000);

    it('refuses a zip bomb (a sheet declared small that decompresses past 256 MiB) with a 422', async () => {
      const zeros = Buffer.alloc(1 << 20);
      const deflate = createDeflateRaw({ level: 9 });
      const chunks: Buffer[] = [];
      deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise((resolve) => deflate.on('end', resolve));
      for (let i = 0; i < 300; i += 1) deflate.write(zeros);
      deflate.end();
      await done;
      const bomb = zipOf([
        { name: '[Content_Types].xml', deflated: deflateRawSync('<Types/>'), size: 8, crc: 0 },
        {
          name: 'xl/worksheets/sheet1.xml',
          deflated: Buffer.concat(chunks),
          size: 1_000,
          crc: crc32(zeros),
        },
      ]);
      const before = await region.eventCount();
      const answer = await region.call(
        'POST',
        org(`/unions/${region.ids.union[0]}/members/import`),
        region.cityOfficer,
        bomb,
        { 'content-type': XLSX },
      );

      expect({ status: answer.status, code: answer.body['code'] }).toEqual({
        status: 422,
        code: 'WORKBOOK_TOO_LARGE',
      });
      expect(await region.eventCount()).toBe(before);
    }, 120_000);
  });

  describe('refusals and Idempotency-Keys across the two sides', () => {
    it("tells a cadre that the other side's member needs a transfer, naming nothing of the other side", async () => {
      for (const a of [0, 1] as const) {
        const v: Side = a === 0 ? 1 : 0;
        const answer = await region.call(
          'POST',
          org(`/unions/${region.ids.union[a]}/members`),
          region.tokens.union_cadre[a],
          { ...joinBody(v + 1), joinedOn: '2021-03-01' },
        );

        expect([answer.status, answer.body['code']]).toEqual([422, 'MEMBER_ALREADY_ACTIVE']);
        const text = JSON.stringify(answer.body);
        for (const secret of [region.ids.union[v], region.ids.member[v], '2020-07-01'])
          expect(text).not.toContain(secret);
      }
      // The city's officer, above both sides, reads where the person is.
      const above = await region.call(
        'POST',
        org(`/unions/${region.ids.union[0]}/members`),
        region.cityOfficer,
        { ...joinBody(2), joinedOn: '2021-03-01' },
      );
      expect(above.body).toMatchObject({
        code: 'MEMBER_ALREADY_ACTIVE',
        memberId: region.ids.member[1],
        unionId: region.ids.union[1],
      });
    });

    it("refuses a key used on one side's rename for the other side's, which stays as it was", async () => {
      const body = { name: '更名后的机床厂工会', effectiveOn: '2026-01-05' };
      const key = { 'idempotency-key': 'rename-across-sides' };
      const rename = (side: Side) =>
        region.call(
          'POST',
          org(`/unions/${region.ids.union[side]}/rename`),
          region.cityOfficer,
          body,
          key,
        );
      const other = async () =>
        (await region.call('GET', org(`/unions/${region.ids.union[1]}`), region.cityOfficer)).body;

      const first = await rename(0);
      expect(first.status).toBe(200);
      const before = { events: await region.eventCount(), union: await other() };
      const elsewhere = await rename(1);
      expect([elsewhere.status, elsewhere.body['code']]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      expect({ events: await region.eventCount(), union: await other() }).toEqual(before);
      expect(await rename(0)).toEqual(first);
    });
  });
});
