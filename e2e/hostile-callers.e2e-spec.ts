import fc from 'fast-check';

import type { GatewayRegion, Side } from './support/gateway-region';
import {
  applicationBody,
  employerBody,
  joinBody,
  startGatewayRegion,
} from './support/gateway-region';

/**
 * Two unions in two districts, and callers who try what they must not: one side's users reading
 * and writing the other side's records (cross-tenant sweep), and hostile bodies on every command
 * route (fast-check). Nothing may reach the other side, nothing may be appended, never a 5xx.
 */
describe('hostile callers, through the gateway', () => {
  let region: GatewayRegion;
  const org = (path: string) => `/api/organisation${path}`;

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 240_000);
  afterAll(() => region?.close(), 120_000);

  describe('cross-tenant sweep', () => {
    const reads = (v: Side): string[] => {
      const ids = region.ids;

      return [
        org(`/unions/${ids.union[v]}`),
        org(`/unions/${ids.union[v]}/workers-home-ratings`),
        org(`/members/${ids.member[v]}`),
        org(`/members/${ids.member[v]}?reveal=true&reason=${encodeURIComponent('核查')}`),
        org(`/employers/${ids.employer[v]}`),
        org(`/union-applications/${ids.application[v]}`),
        org(`/org-units/${ids.street[v]}`),
        org(`/org-units/${ids.district[v]}`),
        ...[ids.union[v], ids.street[v], ids.district[v], ids.city].flatMap((unit) => [
          `/api/reporting/reports/org-units/${unit}/summary`,
          `/api/reporting/reports/org-units/${unit}/children`,
        ]),
      ];
    };
    const writes = (a: Side, v: Side): [string, unknown][] => {
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
        [org(`/employers/${ids.employer[v]}/close`), { closedOn: '2026-01-05', reason: '注销' }],
        // Creating under the other side's units.
        [
          org('/unions'),
          { name: '挂靠工会', parentId: ids.street[v], establishedOn: '2001-01-01' },
        ],
        [org('/union-applications'), applicationBody(ids.street[v])],
        [org('/employers'), employerBody(600 + a, ids.street[v])],
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
      };
    };

    it.each([0, 1] as const)(
      "lets no user of side %i read or change anything of the other side's",
      async (a) => {
        const v: Side = a === 0 ? 1 : 0;
        const before = { events: await region.eventCount(), victim: await snapshot(v) };
        const refused: string[] = [];
        for (const role of ['union_cadre', 'federation_officer', 'auditor'] as const) {
          const token = region.tokens[role][a];
          for (const path of reads(v)) {
            const answer = await region.call('GET', path, token);
            // 404 where the role may read such records, 403 where it may not at all.
            if (![403, 404].includes(answer.status))
              refused.push(`${role} GET ${path} → ${answer.status}`);
          }
          for (const [path, body] of writes(a, v)) {
            const answer = await region.call('POST', path, token, body);
            const unknownParent = [
              'PARENT_NOT_FOUND',
              'STREET_NOT_FOUND',
              'TARGET_UNION_NOT_FOUND',
            ];
            const ok =
              [403, 404].includes(answer.status) ||
              (answer.status === 422 && unknownParent.includes(answer.body['code'] as string));
            if (!ok) refused.push(`${role} POST ${path} → ${answer.status} ${answer.body['code']}`);
          }
        }

        expect(refused).toEqual([]);
        expect(await region.eventCount()).toBe(before.events);
        expect(await snapshot(v)).toEqual(before.victim);
      },
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
      }
    });
  });

  describe('hostile bodies (fast-check)', () => {
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
    const hostile = (valid: Record<string, unknown>): fc.Arbitrary<string | Buffer> => {
      const fields = Object.keys(valid);
      const field = fc.constantFrom(...fields);
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
        fc.tuple(field, fragment).map(([f, frag]) => {
          const body: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(valid))
            if (key !== f) body[key] = typeof value === 'string' ? frag : value;

          return text(body);
        }),
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
        { path: `/unions/${ids.union[0]}/elections`, admin: false, valid: congress },
        {
          path: `/unions/${ids.union[0]}/rename`,
          admin: false,
          valid: { name: '改名', effectiveOn: '2026-01-05' },
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
        { path: '/union-applications', admin: false, valid: applicationBody(ids.street[0]) },
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
          path: `/employers/${ids.employer[0]}/close`,
          admin: false,
          valid: { closedOn: '2026-01-05', reason: '注销' },
        },
      ];
    };

    it('answers at least 200 hostile bodies per command route with a 4xx, appending nothing', async () => {
      const serverErrors: string[] = [];
      for (const route of commandRoutes()) {
        const token = route.admin ? region.admin : region.cityOfficer;
        const before = await region.eventCount();
        await fc.assert(
          fc.asyncProperty(hostile(route.valid), async (body) => {
            const answer = await region.call('POST', org(route.path), token, body);
            if (answer.status >= 500) serverErrors.push(`${route.path} → ${answer.status}`);

            return answer.status >= 400 && answer.status < 500;
          }),
          { numRuns: 200 },
        );
        expect({ route: route.path, events: await region.eventCount() }).toEqual({
          route: route.path,
          events: before,
        });
      }
      expect(serverErrors).toEqual([]);
    }, 900_000);
  });
});
