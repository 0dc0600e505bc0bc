import type { Pool } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { createTestDatabase, testCreditCode, unionEstablishedData } from '@taizhang/testing';

import { figuresAt } from '../../../src/org-summary/figures';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const PATH = 'm/d1/s1/e1';
const headcounts = (headcount: number, female: number) => ({
  headcount,
  femaleHeadcount: female,
  migrantHeadcount: 10,
  newFormHeadcount: 5,
});
const onStream = (type: string, version: number, data: object, recordedAt: string) =>
  organisationEnvelope(type, PATH, data, {
    streamId: 'employer-e1',
    streamVersion: version,
    recordedAt,
  });
const corrected = (version: number, asOf: string, to: number, was: number, recordedAt: string) =>
  onStream(
    'EmployerHeadcountsCorrected',
    version,
    {
      employerId: 'e1',
      asOf,
      ...headcounts(to, to / 2),
      corrects: headcounts(was, was / 2),
      reason: '录入错误',
    },
    recordedAt,
  );

// Reports submitted at each instant: before either correction, between them, after both.
const BEFORE = '2026-01-10T00:00:00.000Z';
const FIRST = '2026-02-01T02:00:00.000Z';
const BETWEEN = '2026-02-15T00:00:00.000Z';
const AFTER = '2026-03-15T00:00:00.000Z';

/**
 * Employer e1 (street s1 of district d1, covered by union u from 2025-03-01): 100 workers from
 * 2025-01-01, 150 from 2025-06-30; on 2026-02-01 the 2025-01-01 figure is corrected to 90 (not the latest), on 2026-03-01 the
 * 2025-06-30 one to 160 (the latest).
 */
const history = (): EventEnvelope[] => [
  orgUnitCreated('m', 'municipal', null, 'm'),
  orgUnitCreated('d1', 'district', 'm', 'm/d1'),
  orgUnitCreated('s1', 'street', 'd1', 'm/d1/s1'),
  onStream(
    'EmployerRegistered',
    1,
    {
      employerId: 'e1',
      creditCode: testCreditCode(1),
      name: 'e1公司',
      kind: 'enterprise',
      streetId: 's1',
      orgPath: PATH,
      registeredOn: '2025-01-01',
      ...headcounts(100, 50),
    },
    '2025-01-02T02:00:00.000Z',
  ),
  onStream(
    'EmployerHeadcountsUpdated',
    2,
    { employerId: 'e1', asOf: '2025-06-30', ...headcounts(150, 75) },
    '2025-07-01T02:00:00.000Z',
  ),
  organisationEnvelope(
    'UnionEstablished',
    'u',
    unionEstablishedData({
      unionId: 'u',
      parentId: 's1',
      orgPath: 'm/d1/s1/u',
      establishedOn: '2025-03-01',
      employerIds: ['e1'],
      termEndsOn: '2030-02-28',
    }),
    {
      orgUnitId: 'u',
      streamId: 'union-u',
      streamVersion: 1,
      recordedAt: '2025-03-02T02:00:00.000Z',
    },
  ),
  corrected(3, '2025-01-01', 90, 100, FIRST),
  corrected(4, '2025-06-30', 160, 150, '2026-03-01T02:00:00.000Z'),
];

const WORKFORCE = [
  'employers',
  'workforce',
  'femaleWorkforce',
  'coveredEmployers',
  'workforceOfUnionisedEmployers',
  'membershipRateOfAll',
  'employerRegistry',
] as const;
const DAYS = ['2025-02-01', '2025-03-01', '2025-12-31', null];

/**
 * 更正 of a past date's headcounts (EmployerHeadcountsCorrected) and figures as known at an
 * instant: a report submitted before the correction's recording is reproduced as it was, one
 * after it has the corrected figures; plain figures as of a date take the correction.
 */
describe('a headcount correction, as known at an instant (knownAt)', () => {
  const db = reportingDatabaseForSuite(history);
  const workforce = async (
    unit: string,
    asOf: string | null,
    knownAt: string | null,
    pool: Pool = db.pool,
  ) => {
    const figures = await figuresAt(pool, unit, asOf, knownAt);

    return Object.fromEntries(WORKFORCE.map((f) => [f, figures[f]]));
  };

  it('answers the figures before the correction as known before its recording, the corrected ones after', async () => {
    const of = async (knownAt: string | null) =>
      Promise.all(
        ['2025-03-01', '2025-12-31'].map(
          async (day) => (await workforce('d1', day, knownAt)).workforce,
        ),
      );
    expect(await of(BEFORE)).toEqual([100, 150]);
    expect(await of('2026-02-01T01:59:59.999Z')).toEqual([100, 150]);
    expect(await of(FIRST)).toEqual([90, 150]);
    expect(await of(BETWEEN)).toEqual([90, 150]);
    expect(await of(AFTER)).toEqual([90, 160]);
    expect(await of(null)).toEqual([90, 160]);

    const known = await figuresAt(db.pool, 'd1', '2025-03-01', BEFORE);
    expect(known).toMatchObject({
      femaleWorkforce: 50,
      employers: 1,
      workforceOfUnionisedEmployers: 100,
    });
    expect(await figuresAt(db.pool, 'd1', '2025-03-01')).toMatchObject({
      femaleWorkforce: 45,
      workforceOfUnionisedEmployers: 90,
    });
  });

  it('are the figures of a read model that had only the events recorded by then', async () => {
    for (const knownAt of [BEFORE, BETWEEN, AFTER]) {
      const oracle = await createTestDatabase(reportingMigrations);
      try {
        await projectAll(
          oracle.pool,
          history().filter((e) => Date.parse(e.recordedAt) <= Date.parse(knownAt)),
        );
        for (const unit of ['m', 'd1', 's1'])
          for (const day of DAYS)
            expect({ knownAt, unit, day, ...(await workforce(unit, day, knownAt)) }).toEqual({
              knownAt,
              unit,
              day,
              ...(await workforce(unit, day, null, oracle.pool)),
            });
      } finally {
        await oracle.drop();
      }
    }
  });
});
