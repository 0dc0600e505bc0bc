import type { Role } from '@taizhang/auth';
import { ROLES } from '@taizhang/auth';
import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion, Side } from './support/gateway-region';
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
  memberRow,
  memberWorkbook,
  proposalBody,
  seasonBody,
  startGatewayRegion,
  warningBody,
  XLSX,
} from './support/gateway-region';

/**
 * The authorisation matrix (issue 4): every route of every service, as its OpenAPI document
 * lists it, × every role × (its target inside the caller's subtree, outside it, no token, an
 * expired token, a tampered token), through the gateway. A route without a row fails, so no
 * endpoint can be added unprotected; a row's roles must be the ones the route declares.
 */
type Expected = { status: number; code?: string } | 'reached';

interface Row {
  /** Who may call it (DESIGN §1 and the issue), written out here, not read from the code. */
  roles: Role[];
  /** The request for side 0's target (inside the side-0 callers' scope) or side 1's (outside). */
  request: (side: Side) => { path: string; body?: unknown; contentType?: string };
  /** What an allowed caller gets for the other side's target: 404 unless said otherwise. */
  outside?: Expected;
  /**
   * What an allowed caller gets for its own side's target when more is known than "reached" (a
   * GET: instead of 200, for a stream that would not end).
   */
  inside?: { status: number; code?: string };
  /** Query strings the route is also checked with, with the same expectations. */
  queries?: string[];
}

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
let joins = 100;
/** Today in China: the application of the setup was submitted today. */
const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** A member sheet with one valid row: joins the union inside, never one outside. */
let workbook: Buffer;
/** An import job in each side's union (uploaded by the city's officer), done. */
const jobs: string[] = [];
/** A report each side's district submitted for December 2025 (报表报送). */
const reports: string[] = [];

const matrix = (region: () => GatewayRegion): Record<string, Row> => {
  const ids = () => region().ids;
  const everyone: Role[] = ['admin', 'union_cadre', 'federation_officer', 'auditor'];
  const readers: Role[] = ['union_cadre', 'federation_officer', 'auditor'];
  const keepers: Role[] = ['union_cadre', 'federation_officer'];

  return {
    'organisation GET /org-units/{id}': {
      roles: ['admin', 'federation_officer', 'auditor'],
      request: (side) => ({ path: `/org-units/${ids().street[side]}` }),
    },
    'organisation POST /org-units': {
      roles: ['admin'],
      request: (side) => ({
        path: '/org-units',
        body: { code: `s${side}`, name: '新街道', kind: 'street', parentId: ids().district[side] },
      }),
    },
    'organisation POST /org-units/{id}/rename': {
      roles: ['admin'],
      request: (side) => ({
        path: `/org-units/${ids().street[side]}/rename`,
        body: { name: `更名后的街道${side}`, effectiveOn: '2026-01-05' },
      }),
      inside: { status: 200 },
    },
    // Under the parent it has: refused by the domain (SAME_PARENT), so the tree stays as set up.
    'organisation POST /org-units/{id}/move': {
      roles: ['admin'],
      request: (side) => ({
        path: `/org-units/${ids().street[side]}/move`,
        body: { parentId: ids().district[side], effectiveOn: '2026-01-05' },
      }),
      inside: { status: 422, code: 'SAME_PARENT' },
    },
    'organisation POST /unions/{id}/move': {
      roles: ['admin'],
      request: (side) => ({
        path: `/unions/${ids().union[side]}/move`,
        body: { parentId: ids().street[side], effectiveOn: '2026-01-05' },
      }),
      inside: { status: 422, code: 'SAME_PARENT' },
    },
    // Into itself: refused by the domain (SAME_UNION) once the union is found in scope, strictly
    // below the caller; the union stays for the rows after this one.
    'organisation POST /unions/{id}/merge': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/unions/${ids().union[side]}/merge`,
        body: { intoUnionId: ids().union[side], mergedOn: '2026-01-05', reason: '企业合并重组' },
      }),
      inside: { status: 422, code: 'SAME_UNION' },
    },
    'organisation POST /unions/{id}/cadres': {
      roles: keepers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/cadres`, body: cadreBody('陈刚') }),
    },
    // Dated before the appointment: refused by the domain, so the cadre keeps serving.
    'organisation POST /unions/{id}/cadres/{cadreId}/remove': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/cadres/${ids().cadre[side]}/remove`,
        body: { removedOn: '2023-06-01', reason: '换届离任' },
      }),
      inside: { status: 422, code: 'REMOVED_BEFORE_APPOINTMENT' },
    },
    // Dated before the appointment: refused by the domain, so the cadre's details stay as they are.
    'organisation POST /unions/{id}/cadres/{cadreId}/details': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/cadres/${ids().cadre[side]}/details`,
        body: { phone: '024-23456789', effectiveOn: '2023-06-01' },
      }),
      inside: { status: 422, code: 'DETAILS_BEFORE_APPOINTMENT' },
    },
    'organisation GET /unions/{id}/cadres': {
      roles: readers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/cadres` }),
    },
    'organisation POST /unions/{unionId}/members/import': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/members/import`,
        body: workbook,
        contentType: XLSX,
      }),
      // Queued for every caller (the job records the row once, then finds it there): 202.
      inside: { status: 202 },
    },
    // An import job is seen by its union and the units above it.
    'organisation GET /imports/{id}': {
      roles: readers,
      request: (side) => ({ path: `/imports/${jobs[side]!}` }),
    },
    // The job is done: its event stream answers its last event and ends.
    'organisation GET /imports/{id}/events': {
      roles: readers,
      request: (side) => ({ path: `/imports/${jobs[side]!}/events` }),
    },
    'organisation GET /imports/{id}/rejected.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/imports/${jobs[side]!}/rejected.xlsx` }),
    },
    'organisation POST /unions': {
      roles: ['admin', 'federation_officer'],
      request: (side) => ({
        path: '/unions',
        body: { name: '存量工会', parentId: ids().street[side], establishedOn: '2001-01-01' },
      }),
      outside: { status: 422, code: 'PARENT_NOT_FOUND' },
    },
    'organisation GET /unions/{id}': {
      roles: everyone,
      request: (side) => ({ path: `/unions/${ids().union[side]}` }),
    },
    'organisation POST /unions/{id}/elections': {
      roles: keepers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/elections`, body: congress }),
    },
    'organisation POST /unions/{id}/elections/approve': {
      roles: ['federation_officer'],
      request: (side) => ({ path: `/unions/${ids().union[side]}/elections/approve`, body: {} }),
    },
    'organisation POST /unions/{id}/elections/reject': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/unions/${ids().union[side]}/elections/reject`,
        body: { rejectedOn: '2026-01-05', reason: '候选人未经民主推荐' },
      }),
    },
    'organisation POST /unions/{id}/rename': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/rename`,
        body: { name: '更名后的工会', effectiveOn: '2026-01-05' },
      }),
    },
    // The first caller changes the type, the next are refused by the domain (SAME_UNION_TYPE).
    'organisation POST /unions/{id}/type': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/type`,
        body: { unionType: 'other', effectiveOn: '2026-01-05' },
      }),
    },
    // The first caller sets it up, the next are refused by the domain (BRANCH_NAME_TAKEN).
    'organisation POST /unions/{id}/branches': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/branches`,
        body: { kind: 'union_group', name: '授权矩阵工会小组', establishedOn: '2026-01-05' },
      }),
    },
    'organisation GET /unions/{id}/branches': {
      roles: readers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/branches` }),
    },
    // Out of no branch: refused by the domain (SAME_BRANCH) once the member is found in scope.
    'organisation POST /members/{id}/branch': {
      roles: keepers,
      request: (side) => ({
        path: `/members/${ids().member[side]}/branch`,
        body: { branchId: null, placedOn: '2026-01-05' },
      }),
    },
    'organisation POST /union-applications': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: '/union-applications',
        body: { ...applicationBody(ids().street[side]), submittedOn: '2026-01-05' },
      }),
      outside: { status: 422, code: 'PARENT_NOT_FOUND' },
    },
    'organisation GET /union-applications/{id}': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/union-applications/${ids().application[side]}` }),
    },
    'organisation POST /union-applications/{id}/approve': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/union-applications/${ids().application[side]}/approve`,
        body: { approvedOn: chinaToday() },
      }),
    },
    'organisation POST /union-applications/{id}/reject': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/union-applications/${ids().application[side]}/reject`,
        body: { reason: '材料不全' },
      }),
    },
    'organisation POST /union-applications/{id}/founding-congress': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/union-applications/${ids().application[side]}/founding-congress`,
        body: congress,
      }),
    },
    'organisation POST /unions/{unionId}/workers-home-ratings': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/unions/${ids().union[side]}/workers-home-ratings`,
        body: {
          year: 2025,
          title: 'workers_home',
          awardedByOrgUnitId: ids().district[side],
          awardedOn: '2026-01-05',
        },
      }),
    },
    'organisation GET /unions/{unionId}/workers-home-ratings': {
      roles: readers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/workers-home-ratings` }),
    },
    'organisation POST /unions/{unionId}/members': {
      roles: keepers,
      request: (side) => ({
        path: `/unions/${ids().union[side]}/members`,
        body: joinBody((joins += 1)),
      }),
    },
    // 先由上级工会发展会员 (seed 003): a street holds the member until a union exists.
    'organisation POST /org-units/{id}/members': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/org-units/${ids().street[side]}/members`,
        body: joinBody((joins += 1)),
      }),
    },
    'organisation GET /members/{id}': {
      roles: readers,
      request: (side) => ({ path: `/members/${ids().member[side]}` }),
    },
    'organisation POST /members/{id}/transfer': {
      roles: keepers,
      request: (side) => ({
        path: `/members/${ids().member[side]}/transfer`,
        body: { toUnionId: ids().union[side], transferredOn: '2024-01-01' },
      }),
    },
    'organisation POST /members/{id}/retain': {
      roles: keepers,
      request: (side) => ({
        path: `/members/${ids().member[side]}/retain`,
        body: { reason: 'retired', heldBy: 'union', since: '2024-01-01' },
      }),
    },
    'organisation POST /members/{id}/leave': {
      roles: keepers,
      request: (side) => ({
        path: `/members/${ids().member[side]}/leave`,
        body: { reason: '辞职', leftOn: '2024-06-01' },
      }),
    },
    'organisation POST /members/{id}/erase': {
      roles: ['admin'],
      request: (side) => ({
        path: `/members/${ids().member[side]}/erase`,
        body: { reason: '本人申请删除个人信息' },
      }),
    },
    'organisation POST /employers': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: '/employers',
        body: employerBody(50 + side, ids().street[side]),
      }),
      outside: { status: 422, code: 'STREET_NOT_FOUND' },
    },
    'organisation GET /employers/{id}': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/employers/${ids().employer[side]}` }),
    },
    'organisation POST /employers/{id}/headcounts': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/employers/${ids().employer[side]}/headcounts`,
        body: {
          asOf: '2025-12-31',
          headcount: 120,
          femaleHeadcount: 50,
          migrantHeadcount: 0,
          newFormHeadcount: 0,
        },
      }),
    },
    // Dates no figures were recorded for: refused by the domain, so the figures stay as they are.
    'organisation POST /employers/{id}/headcounts/corrections': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/employers/${ids().employer[side]}/headcounts/corrections`,
        body: {
          asOf: '2019-01-01',
          headcount: 120,
          femaleHeadcount: 50,
          migrantHeadcount: 0,
          newFormHeadcount: 0,
          reason: '录入错误',
        },
      }),
      inside: { status: 422, code: 'NO_HEADCOUNTS_RECORDED_FOR_DATE' },
    },
    'organisation POST /employers/{id}/details': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/employers/${ids().employer[side]}/details`,
        body: { effectiveOn: '2026-01-05', legalRepresentative: `法人${side}` },
      }),
      inside: { status: 200 },
    },
    'organisation POST /employers/{id}/close': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/employers/${ids().employer[side]}/close`,
        body: { closedOn: '2026-01-05', reason: '企业注销' },
      }),
    },
    'organisation POST /employers/import': {
      roles: ['federation_officer'],
      // Streets outside the caller's scope are unknown row by row; the sheet itself is the same.
      request: () => ({ path: '/employers/import', body: 'not a workbook', contentType: XLSX }),
      outside: 'reached',
    },
    // Not a unit's record: every role reads the rules of its region (and the national ones).
    'organisation GET /rules': {
      roles: everyone,
      request: () => ({ path: '/rules' }),
      outside: { status: 200 },
      queries: ['?on=2026-01-05'],
    },
    // A region nobody's unit lies in, from a far date: the rows after this one are unaffected.
    'organisation POST /rules/amendments': {
      roles: ['admin'],
      request: () => ({
        path: '/rules/amendments',
        body: {
          region: 'matrix-region',
          version: 2,
          effectiveFrom: '2030-01-01',
          changes: { disputes: { mediationDays: 15 } },
          reason: '授权矩阵',
        },
      }),
    },
    'reporting GET /reports/org-units/{id}/summary': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/summary` }),
      queries: ['?asOf=2026-01-05', '?asOf=2026-01-05&knownAt=2026-01-10T00:00:00Z'],
    },
    'reporting GET /reports/org-units/{id}/children': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/children` }),
      queries: ['?asOf=2026-01-05', '?asOf=2026-01-05&knownAt=2026-01-10T00:00:00Z'],
    },
    'reporting GET /reports/org-units/{id}/series': {
      roles: readers,
      request: (side) => ({
        path: `/reports/org-units/${ids().union[side]}/series?from=2025-10&to=2026-01`,
      }),
      queries: ['&interval=month&knownAt=2026-01-10T00:00:00Z'],
    },
    'reporting GET /reports/org-units/{id}/lateness': {
      roles: readers,
      request: (side) => ({
        path: `/reports/org-units/${ids().union[side]}/lateness?from=2025-10&to=2026-01`,
      }),
    },
    // Live updates (server-sent events): an allowed caller's stream would never end, so the
    // caller inside asks to resume after an id the stream never sent, refused at once after the
    // scope check (the int-specs of reporting and gateway follow the stream itself).
    'reporting GET /reports/live': {
      roles: readers,
      request: (side) => ({
        path: `/reports/live?unit=${ids().union[side]}&lastEventId=not-an-id`,
      }),
      inside: { status: 400, code: 'VALIDATION_FAILED' },
    },
    'reporting GET /reports/org-units/{id}/by-union-type': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/by-union-type` }),
      queries: ['?asOf=2026-01-05'],
    },
    'reporting GET /reports/org-units/{id}/by-branch': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/by-branch` }),
      queries: ['?asOf=2026-01-05'],
    },
    // 报表报送: a district's officer submits its own report (each time a correction 更正).
    'reporting POST /reports/org-units/{id}/submissions': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/reports/org-units/${ids().district[side]}/submissions`,
        body: { period: '2025-12' },
      }),
      inside: { status: 201 },
    },
    'reporting GET /reports/org-units/{id}/submissions': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({
        path: `/reports/org-units/${ids().district[side]}/submissions?period=2025-12`,
      }),
    },
    'reporting GET /reports/submissions/{reportId}': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/reports/submissions/${reports[side]!}` }),
    },
    // Lists (issue 11, item 10): a cadre reaches its union, an officer and an auditor their district.
    'organisation GET /unions/{id}/members': {
      roles: readers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/members` }),
      queries: [
        '?status=active&page=1&pageSize=10',
        `?name=${encodeURIComponent('张')}`,
        // A branch unit of no union here: matches nothing, the scope answers as without it.
        '?branch=00000000-0000-4000-8000-000000000001',
      ],
    },
    'organisation GET /unions/{id}/members.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/unions/${ids().union[side]}/members.xlsx` }),
      queries: ['?status=left', '?branch=00000000-0000-4000-8000-000000000001'],
    },
    'organisation GET /org-units/{id}/retained-memberships': {
      roles: readers,
      request: (side) => ({ path: `/org-units/${ids().union[side]}/retained-memberships` }),
      queries: ['?page=2&pageSize=1'],
    },
    'organisation GET /org-units/{id}/retained-memberships.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/org-units/${ids().union[side]}/retained-memberships.xlsx` }),
    },
    // What waits for the union above: for those above a union, never its own cadre.
    'organisation GET /org-units/{id}/pending-approvals': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/org-units/${ids().street[side]}/pending-approvals` }),
      queries: ['?kind=application&page=1&pageSize=10'],
    },
    'organisation GET /org-units/{id}/pending-approvals.xlsx': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/org-units/${ids().street[side]}/pending-approvals.xlsx` }),
    },
    'organisation GET /org-units/{id}/term-warnings': {
      roles: readers,
      request: (side) => ({ path: `/org-units/${ids().union[side]}/term-warnings` }),
      queries: ['?within=90&state=ended'],
    },
    'organisation GET /org-units/{id}/term-warnings.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/org-units/${ids().union[side]}/term-warnings.xlsx` }),
      queries: ['?within=180'],
    },
    'reporting GET /reports/org-units/{id}/unions': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/unions` }),
      queries: ['?asOf=2026-01-05&status=active&page=1&pageSize=10'],
    },
    'reporting GET /reports/org-units/{id}/unions.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/unions.xlsx` }),
      queries: ['?asOf=2026-01-05'],
    },
    'reporting GET /reports/org-units/{id}/employers': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/employers` }),
      queries: ['?asOf=2026-01-05&status=open&covered=false&page=1&pageSize=10'],
    },
    'reporting GET /reports/org-units/{id}/employers.xlsx': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/employers.xlsx` }),
      queries: ['?covered=true'],
    },
    'reporting GET /reports/org-units/{id}/uncovered-employers': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/uncovered-employers` }),
      queries: ['?asOf=2026-01-05&page=1&pageSize=10'],
    },
    'reporting GET /reports/org-units/{id}/workers-homes': {
      roles: readers,
      request: (side) => ({ path: `/reports/org-units/${ids().union[side]}/workers-homes` }),
      queries: ['?year=2025&asOf=2026-01-05'],
    },
    'reporting GET /reports/org-units/{id}/uncovered-employers.xlsx': {
      roles: readers,
      request: (side) => ({
        path: `/reports/org-units/${ids().union[side]}/uncovered-employers.xlsx`,
      }),
      queries: ['?asOf=2026-01-05'],
    },
    // 维权 (rights): every record belongs to a union and is reached through its path.
    'rights GET /rules': {
      roles: everyone,
      request: () => ({ path: '/rules' }),
      outside: { status: 200 },
      queries: ['?on=2026-01-05'],
    },
    'rights POST /rules/amendments': {
      roles: ['admin'],
      request: () => ({
        path: '/rules/amendments',
        body: {
          region: 'matrix-region',
          version: 2,
          effectiveFrom: '2030-01-01',
          changes: { disputes: { mediationDays: 15 } },
          reason: '授权矩阵',
        },
      }),
    },
    'rights POST /disputes': {
      roles: keepers,
      request: (side) => ({
        path: '/disputes',
        body: disputeBody(ids().union[side], ids().member[side]),
      }),
    },
    'rights GET /disputes/{id}': {
      roles: readers,
      request: (side) => ({ path: `/disputes/${ids().dispute[side]}` }),
    },
    'rights POST /disputes/{id}/agreement': {
      roles: keepers,
      request: (side) => ({
        path: `/disputes/${ids().dispute[side]}/agreement`,
        body: { agreedOn: '2026-01-06', amountRecoveredFen: 100 },
      }),
    },
    'rights POST /disputes/{id}/failure': {
      roles: keepers,
      request: (side) => ({
        path: `/disputes/${ids().dispute[side]}/failure`,
        body: { failedOn: '2026-01-06', reason: '用人单位拒绝调解' },
      }),
    },
    'rights POST /disputes/{id}/withdrawal': {
      roles: keepers,
      request: (side) => ({
        path: `/disputes/${ids().dispute[side]}/withdrawal`,
        body: { withdrawnOn: '2026-01-06', reason: '撤回' },
      }),
    },
    'rights POST /congresses': {
      roles: keepers,
      request: (side) => ({ path: '/congresses', body: congressBody(ids().union[side]) }),
    },
    'rights GET /congresses/{id}': {
      roles: readers,
      request: (side) => ({ path: `/congresses/${ids().congress[side]}` }),
    },
    'rights POST /congresses/{id}/resolutions': {
      roles: keepers,
      request: (side) => ({
        path: `/congresses/${ids().congress[side]}/resolutions`,
        body: { title: '职工代表提案处理', votesFor: 31 },
      }),
    },
    'rights GET /congresses/{id}/proposals': {
      roles: readers,
      request: (side) => ({ path: `/congresses/${ids().congress[side]}/proposals` }),
    },
    'rights POST /proposals': {
      roles: keepers,
      request: (side) => ({ path: '/proposals', body: proposalBody(ids().congress[side]) }),
    },
    'rights GET /proposals/{id}': {
      roles: readers,
      request: (side) => ({ path: `/proposals/${ids().proposal[side]}` }),
    },
    'rights POST /proposals/{id}/decision': {
      roles: keepers,
      request: (side) => ({
        path: `/proposals/${ids().proposal[side]}/decision`,
        body: { outcome: 'accepted', decidedOn: '2026-01-06' },
      }),
    },
    'rights POST /proposals/{id}/answer': {
      roles: keepers,
      request: (side) => ({
        path: `/proposals/${ids().proposal[side]}/answer`,
        body: { answeredOn: '2026-01-07', answer: '已增设就餐窗口' },
      }),
    },
    'rights POST /proposals/{id}/implementation': {
      roles: keepers,
      request: (side) => ({
        path: `/proposals/${ids().proposal[side]}/implementation`,
        body: { implementedOn: '2026-01-08' },
      }),
    },
    'rights POST /contracts': {
      roles: keepers,
      request: (side) => ({
        path: '/contracts',
        body: contractBody(ids().union[side], ids().employer[side]),
      }),
    },
    'rights GET /contracts/{id}': {
      roles: readers,
      request: (side) => ({ path: `/contracts/${ids().contract[side]}` }),
    },
    'rights POST /contracts/{id}/answer': {
      roles: keepers,
      request: (side) => ({
        path: `/contracts/${ids().contract[side]}/answer`,
        body: { answeredOn: '2026-01-06' },
      }),
    },
    ...contractSteps(ids, keepers),
    'rights POST /bargaining-seasons': {
      roles: ['federation_officer'],
      request: (side) => ({ path: '/bargaining-seasons', body: seasonBody(ids().district[side]) }),
    },
    'rights GET /bargaining-seasons/{id}': {
      roles: ['federation_officer', 'auditor'],
      request: (side) => ({ path: `/bargaining-seasons/${ids().season[side]}` }),
    },
    'rights POST /inspections': {
      roles: keepers,
      request: (side) => ({ path: '/inspections', body: inspectionBody(ids().union[side]) }),
    },
    'rights GET /inspections/{id}': {
      roles: readers,
      request: (side) => ({ path: `/inspections/${ids().inspection[side]}` }),
    },
    'rights POST /inspections/{id}/hazards': {
      roles: keepers,
      request: (side) => ({
        path: `/inspections/${ids().inspection[side]}/hazards`,
        body: hazardBody(),
      }),
    },
    'rights POST /inspections/{id}/hazards/{hazardId}/rectification-request': {
      roles: keepers,
      request: (side) => ({
        path: `/inspections/${ids().inspection[side]}/hazards/${ids().hazard[side]}/rectification-request`,
        body: { requestedOn: '2026-01-06', dueOn: '2026-01-20' },
      }),
    },
    'rights POST /inspections/{id}/hazards/{hazardId}/rectified': {
      roles: keepers,
      request: (side) => ({
        path: `/inspections/${ids().inspection[side]}/hazards/${ids().hazard[side]}/rectified`,
        body: { rectifiedOn: '2026-01-10' },
      }),
    },
    'rights POST /inspections/{id}/hazards/{hazardId}/verification': {
      roles: keepers,
      request: (side) => ({
        path: `/inspections/${ids().inspection[side]}/hazards/${ids().hazard[side]}/verification`,
        body: { verifiedOn: '2026-01-12', by: '王芳' },
      }),
    },
    // 12351 热线: a ticket is reached through the unit holding it.
    'rights POST /hotline-tickets': {
      roles: keepers,
      request: (side) => ({ path: '/hotline-tickets', body: hotlineBody(ids().union[side]) }),
    },
    'rights GET /hotline-tickets/{id}': {
      roles: readers,
      request: (side) => ({ path: `/hotline-tickets/${ids().hotlineTicket[side]}` }),
    },
    'rights POST /hotline-tickets/{id}/assignment': {
      roles: keepers,
      request: (side) => ({
        path: `/hotline-tickets/${ids().hotlineTicket[side]}/assignment`,
        body: { toOrgUnitId: ids().union[side], assignedAt: '2026-01-05T10:00:00+08:00' },
      }),
    },
    'rights POST /hotline-tickets/{id}/call-back': {
      roles: keepers,
      request: (side) => ({
        path: `/hotline-tickets/${ids().hotlineTicket[side]}/call-back`,
        body: { calledBackAt: '2026-01-06T10:00:00+08:00', note: '已联系企业' },
      }),
    },
    'rights POST /hotline-tickets/{id}/closure': {
      roles: keepers,
      request: (side) => ({
        path: `/hotline-tickets/${ids().hotlineTicket[side]}/closure`,
        body: { closedAt: '2026-01-07T10:00:00+08:00', outcome: 'resolved', satisfaction: 4 },
      }),
    },
    'rights POST /disclosures': {
      roles: keepers,
      request: (side) => ({ path: '/disclosures', body: disclosureBody(ids().union[side]) }),
    },
    'rights GET /disclosures': {
      roles: readers,
      request: (side) => ({ path: `/disclosures?unionId=${ids().union[side]}` }),
    },
    'rights GET /disclosures/{id}': {
      roles: readers,
      request: (side) => ({ path: `/disclosures/${ids().disclosure[side]}` }),
    },
    'rights POST /disclosures/{id}/withdrawal': {
      roles: keepers,
      request: (side) => ({
        path: `/disclosures/${ids().disclosure[side]}/withdrawal`,
        body: { withdrawnOn: '2026-01-06', reason: '误登记' },
      }),
    },
    'rights POST /early-warnings': {
      roles: keepers,
      request: (side) => ({ path: '/early-warnings', body: warningBody(ids().union[side]) }),
    },
    'rights GET /early-warnings/{id}': {
      roles: readers,
      request: (side) => ({ path: `/early-warnings/${ids().warning[side]}` }),
    },
    'rights POST /early-warnings/{id}/follow-ups': {
      roles: keepers,
      request: (side) => ({
        path: `/early-warnings/${ids().warning[side]}/follow-ups`,
        body: { on: '2026-01-06', action: '约谈企业负责人' },
      }),
    },
    'rights POST /early-warnings/{id}/level': {
      roles: keepers,
      request: (side) => ({
        path: `/early-warnings/${ids().warning[side]}/level`,
        body: { to: 'red', changedOn: '2026-01-06', reason: '职工聚集' },
      }),
    },
    'rights POST /early-warnings/{id}/resolution': {
      roles: keepers,
      request: (side) => ({
        path: `/early-warnings/${ids().warning[side]}/resolution`,
        body: { resolvedOn: '2026-01-07', outcome: '工资已补发' },
      }),
    },
    // Last: the union's end hands its open ticket and warning to the federation above, out of its
    // cadre's reach (rights README, "A union dissolved or merged"); the rows above find it alive.
    'organisation POST /unions/{id}/dissolve': {
      roles: ['federation_officer'],
      request: (side) => ({
        path: `/unions/${ids().union[side]}/dissolve`,
        body: { reason: '企业破产', dissolvedOn: '2026-01-05' },
      }),
    },
  };
};

const contractSteps = (ids: () => GatewayRegion['ids'], roles: Role[]): Record<string, Row> =>
  Object.fromEntries(
    Object.entries(CONTRACT_STEP_BODIES).map(([step, body]) => [
      `rights POST /contracts/{id}/${step}`,
      {
        roles,
        request: (side: Side) => ({ path: `/contracts/${ids().contract[side]}/${step}`, body }),
      },
    ]),
  );

const SERVICES = ['organisation', 'rights', 'reporting'] as const;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** An access token whose payload was changed after signing: made an admin, as an attacker would. */
const tampered = (token: string): string => {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', orgPath: null }));

  return `${header}.${forged.toString('base64url')}.${signature}`;
};

describe('the authorisation matrix, from the OpenAPI documents, through the gateway', () => {
  let region: GatewayRegion;
  const rows = matrix(() => region);
  const documented = new Map<string, { roles?: Role[]; public?: boolean }>();
  let expired: string;

  beforeAll(async () => {
    region = await startGatewayRegion();
    workbook = await memberWorkbook([memberRow(900)]);
    for (const side of [0, 1] as const) {
      const accepted = await region.call(
        'POST',
        `/api/organisation/unions/${region.ids.union[side]}/members/import`,
        region.cityOfficer,
        await memberWorkbook([memberRow(950 + side)]),
        { 'content-type': XLSX },
      );
      if (accepted.status !== 202) throw new Error(`no import job: ${accepted.status}`);
      jobs.push(accepted.body['id'] as string);
      await eventually(
        () => region.call('GET', `/api/organisation/imports/${jobs[side]!}`, region.cityOfficer),
        ({ body }) => body['state'] === 'done',
        60_000,
      );
    }
    for (const service of SERVICES) {
      const response = await fetch(`${region.running.urls[service]!}/docs-json`);
      const doc = (await response.json()) as {
        paths: Record<string, Partial<Record<string, Record<string, unknown>>>>;
      };
      for (const [path, operations] of Object.entries(doc.paths))
        for (const method of METHODS) {
          const operation = operations[method];
          if (!operation) continue;
          documented.set(`${service} ${method.toUpperCase()} ${path}`, {
            roles: operation['x-taizhang-roles'] as Role[] | undefined,
            public: operation['x-taizhang-public'] === true,
          });
        }
    }
    for (const side of [0, 1] as const) {
      const submitted = await region.call(
        'POST',
        `/api/reporting/reports/org-units/${region.ids.district[side]}/submissions`,
        region.tokens.federation_officer[side],
        { period: '2025-11' },
      );
      if (submitted.status !== 201) throw new Error(`no report: ${submitted.status}`);
      reports.push(submitted.body['id'] as string);
    }
    expired = await region.running.auth.token(
      { role: 'federation_officer', orgPath: region.ids.city },
      { now: new Date(Date.now() - 3_600_000), ttlSeconds: 60 },
    );
  }, 240_000);
  afterAll(() => region?.close(), 120_000);

  it('has a row for every documented route that is not public, and no row without a route', () => {
    const open = [...documented].filter(([, d]) => d.public).map(([key]) => key);
    const guarded = [...documented].filter(([, d]) => !d.public).map(([key]) => key);

    // Only probes are public: health and metrics (the documents themselves are outside Nest).
    for (const key of open) expect(key).toMatch(/^\w+ GET \/(health(\/\w+)?|metrics)$/);
    expect(guarded.filter((key) => !(key in rows))).toEqual([]);
    expect(Object.keys(rows).filter((key) => !documented.has(key))).toEqual([]);
  });

  const send = (
    key: string,
    side: Side,
    token: string | undefined,
    via: 'gateway' | 'service' = 'gateway',
    query = '',
  ): Promise<Answer> => {
    const [service, method] = key.split(' ') as [string, string];
    const request = rows[key]!.request(side);
    const { body, contentType } = request;
    const path = `${request.path}${query}`;
    if (via === 'gateway')
      return region.call(
        method,
        `/api/${service}${path}`,
        token,
        body,
        contentType ? { 'content-type': contentType } : {},
      );

    return fetch(`${region.running.urls[service]!}${path}`, {
      method,
      headers: { 'content-type': contentType ?? 'application/json' },
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || Buffer.isBuffer(body)
            ? body
            : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  };

  const expectation = (key: string, role: Role, side: Side): Expected => {
    const row = rows[key]!;
    const method = key.split(' ')[1]!;
    if (role === 'auditor' && method !== 'GET') return { status: 403, code: 'READ_ONLY_ROLE' };
    if (!row.roles.includes(role)) return { status: 403, code: 'ROLE_NOT_ALLOWED' };
    // An admin's scope is the whole region: there is no outside.
    if (side === 1 && role !== 'admin') return row.outside ?? { status: 404, code: 'NOT_FOUND' };
    if (method === 'GET') return row.inside ?? { status: 200 };

    return row.inside ?? 'reached';
  };

  const check = (answer: Answer, expected: Expected, what: string) => {
    if (expected === 'reached') {
      // Past every access check: the domain answered (success or its own rule), never a 5xx.
      expect({ what, status: answer.status }).toEqual({ what, status: expect.any(Number) });
      expect({ what, refused: [401, 403, 404].includes(answer.status) }).toEqual({
        what,
        refused: false,
      });
      expect({ what, error: answer.status >= 500 }).toEqual({ what, error: false });

      return;
    }
    expect({ what, status: answer.status, code: answer.body['code'] }).toEqual({
      what: expected.status === answer.status ? what : `${what}: ${String(answer.body['detail'])}`,
      status: expected.status,
      code: expected.code ?? answer.body['code'],
    });
  };

  it.each(Object.keys(rows))('%s', async (key) => {
    const row = rows[key]!;
    expect(documented.get(key)?.roles?.slice().sort()).toEqual(row.roles.slice().sort());

    check(await send(key, 0, undefined), { status: 401, code: 'TOKEN_MISSING' }, 'no token');
    check(await send(key, 0, expired), { status: 401, code: 'TOKEN_EXPIRED' }, 'expired');
    check(
      await send(key, 0, tampered(region.cityOfficer)),
      { status: 401, code: 'TOKEN_INVALID' },
      'tampered',
    );
    // The service itself refuses too, for whoever reaches its port without the gateway.
    check(
      await send(key, 0, undefined, 'service'),
      { status: 401, code: 'TOKEN_MISSING' },
      'no token, at the service',
    );
    for (const query of ['', ...(row.queries ?? [])])
      for (const role of ROLES)
        for (const side of [0, 1] as const) {
          const token = role === 'admin' ? region.admin : region.tokens[role][0];
          check(
            await send(key, side, token, 'gateway', query),
            expectation(key, role, side),
            `${role} ${side === 0 ? 'inside' : 'outside'}${query}`,
          );
        }
  });

  it('ends a sign-in everywhere behind the gateway: refreshed tokens work, logged-out ones do not', async () => {
    const login = await region.call('POST', '/auth/login', undefined, {
      username: 'cadre0',
      password: 'a-long-enough-password',
    });
    const read = (token: string) =>
      region.call('GET', `/api/organisation/unions/${region.ids.union[0]}`, token);
    const first = login.body['accessToken'] as string;
    expect((await read(first)).status).toBe(200);

    const refreshed = await region.call('POST', '/auth/refresh', undefined, {
      refreshToken: login.body['refreshToken'],
    });
    const second = refreshed.body['accessToken'] as string;
    expect((await read(second)).status).toBe(200);

    expect((await region.call('POST', '/auth/logout', second)).status).toBe(204);
    for (const token of [first, second])
      expect(await read(token)).toMatchObject({ status: 401, body: { code: 'TOKEN_REVOKED' } });
  });
});
