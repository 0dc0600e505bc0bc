import type { EventEnvelope } from '@taizhang/contracts';
import { testCreditCode, unionEstablishedData } from '@taizhang/testing';

import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
} from '../../organisation-envelope';

const at = (day: string) => `${day}T02:00:00.000Z`;
// Each event as the consumer receives it, recorded on `recordedOn`; `key` the partition key.
const event = (
  type: string,
  key: string,
  streamId: string,
  version: number,
  data: object,
  recordedOn: string,
) =>
  organisationEnvelope(type, key, data, {
    orgUnitId: key,
    streamId,
    streamVersion: version,
    recordedAt: at(recordedOn),
  });
// Paths as organisation writes them: the scope check reads them.
const PATHS: Record<string, string> = {
  m: 'm',
  d1: 'm/d1',
  d2: 'm/d2',
  s1: 'm/d1/s1',
  s2: 'm/d1/s2',
  a: 'm/d1/s1/a',
  b: 'm/d1/s2/b',
  c: 'm/d1/s1/c',
};
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, PATHS[id]!, {
    streamId: `org-unit-${id}`,
    recordedAt: at('2019-12-01'),
  });
const registered = (id: string, parentId: string) =>
  event(
    'UnionRegistered',
    id,
    `union-${id}`,
    1,
    { unionId: id, name: `${id}工会`, parentId, establishedOn: '2020-01-01', orgPath: PATHS[id]! },
    '2020-01-02',
  );
const member = (
  id: string,
  key: string,
  version: number,
  type: string,
  data: object,
  recordedOn: string,
) => event(type, key, `member-${id}`, version, { memberId: id, ...data }, recordedOn);
const profile = (gender: string) => ({
  gender,
  employmentForm: gender === 'female' ? 'new_form' : 'regular',
  migrantWorker: true,
});
const joined = (id: string, union: string, joinedOn: string, recordedOn: string, gender = 'male') =>
  member(
    id,
    union,
    1,
    'MemberJoined',
    { unionId: union, name: '王芳', joinedOn, ...profile(gender) },
    recordedOn,
  );
const headcounts = (headcount: number, female: number) => ({
  headcount,
  femaleHeadcount: female,
  migrantHeadcount: 10,
  newFormHeadcount: 5,
});

/**
 * City m; districts d1, d2; streets s1 (d1) and s2 (d1, moved to d2 from 2025-06-01 — entered
 * late, on 2026-01-20). Unions a (s1) and b (s2) since 2020; c (s1) founded 2025-10-01 covering
 * employer e1, entered 2026-01-20; e1's headcount of 2025-12-01 entered 2026-01-20 too. Members:
 * p1 joined a on 2025-12-01 (entered next day), p2 on 2025-12-15 entered 2026-01-20; p3 joined b
 * 2025-11-01 and left 2025-12-20, the leaving entered 2026-01-25; p4 joined b in 2024 and moved
 * to a on 2025-06-01 (its transfer arrives before its joining: another partition). b's term ended
 * 2025-05-31, the re-election approved 2025-09-01 entered 2026-01-22.
 */
export const knownHistory = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('d2', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd1'),
  registered('a', 's1'),
  registered('b', 's2'),
  event(
    'EmployerRegistered',
    'e1',
    'employer-e1',
    1,
    {
      employerId: 'e1',
      creditCode: testCreditCode(1),
      name: 'e1公司',
      kind: 'enterprise',
      streetId: 's1',
      orgPath: 'm/d1/s1/e1',
      registeredOn: '2021-01-01',
      ...headcounts(100, 40),
    },
    '2021-01-05',
  ),
  member(
    'p4',
    'a',
    2,
    'MemberTransferred',
    {
      fromUnionId: 'b',
      toUnionId: 'a',
      transferredOn: '2025-06-01',
      joinedOn: '2024-01-01',
      ...profile('female'),
    },
    '2025-06-02',
  ),
  joined('p4', 'b', '2024-01-01', '2024-01-02', 'female'),
  event(
    'UnionTermExpired',
    'b',
    'union-b',
    2,
    { unionId: 'b', termEndedOn: '2025-05-31' },
    '2025-06-01',
  ),
  joined('p3', 'b', '2025-11-01', '2025-11-02'),
  joined('p1', 'a', '2025-12-01', '2025-12-02'),
  event(
    'UnionEstablished',
    'c',
    'union-c',
    1,
    unionEstablishedData({
      unionId: 'c',
      parentId: 's1',
      orgPath: PATHS['c']!,
      establishedOn: '2025-10-01',
      employerIds: ['e1'],
      termEndsOn: '2030-09-30',
    }),
    '2026-01-20',
  ),
  event(
    'EmployerHeadcountsUpdated',
    'e1',
    'employer-e1',
    2,
    { employerId: 'e1', asOf: '2025-12-01', ...headcounts(150, 70) },
    '2026-01-20',
  ),
  joined('p2', 'a', '2025-12-15', '2026-01-20', 'female'),
  federationUnitMoved('m/d1/s2', 'm/d2/s2', '2025-06-01', {
    streamId: 'org-unit-s2',
    streamVersion: 2,
    recordedAt: at('2026-01-20'),
  }),
  event(
    'CommitteeElectionApproved',
    'b',
    'union-b',
    3,
    {
      unionId: 'b',
      approvedOn: '2025-09-01',
      termEndsOn: '2030-08-31',
    },
    '2026-01-22',
  ),
  member(
    'p3',
    'b',
    2,
    'MemberLeft',
    { unionId: 'b', reason: '离职', leftOn: '2025-12-20' },
    '2026-01-25',
  ),
];
