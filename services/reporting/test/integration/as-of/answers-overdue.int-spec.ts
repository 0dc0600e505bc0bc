import type { EventEnvelope } from '@taizhang/contracts';

import { ANSWER_FIGURES, figuresAsOf } from '../../../src/as-of';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, id, { streamId: `org-unit-${id}` });
// A union's event as organisation records it: at the union's full path.
const ofUnion = (type: string, path: string, version: number, data: object) => {
  const unionId = path.split('/').pop()!;

  return organisationEnvelope(
    type,
    path,
    { unionId, ...data },
    { orgUnitId: unionId, streamId: `union-${unionId}`, streamVersion: version },
  );
};
const overdue = (path: string, version: number, subject: string, dueOn: string) =>
  ofUnion('ApprovalOverdue', path, version, {
    subject,
    waitingSince: '2026-03-01',
    dueOn,
    replyDays: 15,
    ruleSet: { region: 'national', version: 1 },
  });

/**
 * Street s1 owes an answer to the application of p (overdue 2026-03-16, approved 2026-03-20) and
 * to b's election (overdue 03-16, its approval entered afterwards but dated 03-10: in time after
 * all); street s2 owes one to a's election (overdue 03-16, unanswered).
 */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd1'),
  ...[
    ['a', 's2'],
    ['b', 's1'],
  ].map(([u, parent]) =>
    ofUnion('UnionRegistered', `m/d1/${parent}/${u}`, 1, {
      name: `${u}工会`,
      parentId: parent,
      establishedOn: '2020-01-01',
      orgPath: `m/d1/${parent}/${u}`,
    }),
  ),
  overdue('m/d1/s1/p', 2, 'application', '2026-03-16'),
  ofUnion('UnionApplicationApproved', 'm/d1/s1/p', 3, { approvedOn: '2026-03-20' }),
  overdue('m/d1/s2/a', 3, 'election', '2026-03-16'),
  overdue('m/d1/s1/b', 3, 'election', '2026-03-16'),
  ofUnion('CommitteeElectionApproved', 'm/d1/s1/b', 4, {
    approvedOn: '2026-03-10',
    termEndsOn: '2031-02-28',
  }),
];

describe('answers overdue 逾期未批复 (reporting, integration)', () => {
  const db = reportingDatabaseForSuite(history);
  const overdueAt = async (id: string, asOf: string | null) =>
    (await figuresAsOf(db.pool, ANSWER_FIGURES, id, asOf)).answers_overdue;

  it('counts each at the federation that owes it, from the day the limit ran out until answered', async () => {
    const on = async (asOf: string | null) =>
      Object.fromEntries(
        await Promise.all(
          ['m', 'd1', 's1', 's2', 'a'].map(async (id): Promise<[string, number]> => [
            id,
            await overdueAt(id, asOf),
          ]),
        ),
      );

    expect(await on('2026-03-15')).toEqual({ m: 0, d1: 0, s1: 0, s2: 0, a: 0 });
    expect(await on('2026-03-16')).toEqual({ m: 2, d1: 2, s1: 1, s2: 1, a: 0 });
    expect(await on('2026-03-19')).toEqual({ m: 2, d1: 2, s1: 1, s2: 1, a: 0 });
    expect(await on('2026-03-20')).toEqual({ m: 1, d1: 1, s1: 0, s2: 1, a: 0 });
    expect(await on(null)).toEqual({ m: 1, d1: 1, s1: 0, s2: 1, a: 0 });
    // What the street owes is its own, in no child: the drill-down's heldDirectly.
    expect(
      (await figuresAsOf(db.pool, ANSWER_FIGURES, 's2', null, undefined, 'unit')).answers_overdue,
    ).toBe(1);
  });

  it('changes nothing when the overdue event comes again', async () => {
    await projectAll(db.pool, [overdue('m/d1/s2/a', 3, 'election', '2026-03-16')]);

    expect(await overdueAt('d1', null)).toBe(1);
  });
});
