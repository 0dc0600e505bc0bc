import type { EventEnvelope } from '@taizhang/contracts';

import { employerFiguresOfUnit } from '../../../src/employer-facts/employer-facts.query';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const PATH = 'm/d1/s1/e1';
const figures = (headcount: number) => ({
  headcount,
  femaleHeadcount: 10,
  migrantHeadcount: 0,
  newFormHeadcount: 0,
});
let version = 0;
const onStream = (type: string, data: unknown): EventEnvelope => {
  version += 1;

  return organisationEnvelope(type, PATH, data, {
    streamId: 'employer-e1',
    streamVersion: version,
  });
};
const corrected = (asOf: string, headcount: number, was: number) =>
  onStream('EmployerHeadcountsCorrected', {
    employerId: 'e1',
    asOf,
    ...figures(headcount),
    corrects: figures(was),
    reason: '录入错误',
  });

// Real PostgreSQL: a correction replaces the figures of its date in the figures as of any date;
// the figures of other dates, and the latest ones unless it is theirs, stay.
describe('employer headcount corrections (reporting, integration)', () => {
  const db = reportingDatabaseForSuite(() => [
    orgUnitCreated('m', 'municipal', null, 'm'),
    orgUnitCreated('d1', 'district', 'm', 'm/d1'),
    orgUnitCreated('s1', 'street', 'd1', 'm/d1/s1'),
    onStream('EmployerRegistered', {
      employerId: 'e1',
      creditCode: 'e1',
      name: '铁西机械厂',
      kind: 'enterprise',
      streetId: 's1',
      orgPath: PATH,
      registeredOn: '2025-01-01',
      ...figures(100),
      legalRepresentative: '王玉琦',
      registeredCapital: 500_000_000,
    }),
    onStream('EmployerHeadcountsUpdated', {
      employerId: 'e1',
      asOf: '2025-06-30',
      ...figures(150),
    }),
  ]);
  const workforce = async (asOf: string | null) =>
    (await employerFiguresOfUnit(db.pool, 'd1', asOf))?.workforce;
  const latest = async () =>
    (
      await db.pool.query<{ headcount: number; headcounts_as_of: string }>(
        `SELECT headcount, to_char(headcounts_as_of, 'YYYY-MM-DD') AS headcounts_as_of
         FROM employer_facts WHERE employer_id = 'e1'`,
      )
    ).rows[0];

  it('counts the corrected figure for its date, and the others as they were', async () => {
    expect([await workforce('2025-03-01'), await workforce('2025-07-01')]).toEqual([100, 150]);

    const correction = corrected('2025-01-01', 90, 100);
    await projectAll(db.pool, [correction]);
    expect([await workforce('2025-03-01'), await workforce('2025-07-01')]).toEqual([90, 150]);
    expect(await workforce(null)).toBe(150);
    expect(await latest()).toEqual({ headcount: 150, headcounts_as_of: '2025-06-30' });

    // Applied again (a redelivery past the consumer's own check): nothing changes.
    await projectAll(db.pool, [correction]);
    expect([await workforce('2025-03-01'), await workforce('2025-07-01')]).toEqual([90, 150]);
  });

  it('corrects the latest figures when the correction is about their date', async () => {
    await projectAll(db.pool, [corrected('2025-06-30', 155, 150)]);

    expect(await latest()).toEqual({ headcount: 155, headcounts_as_of: '2025-06-30' });
    expect([await workforce('2025-03-01'), await workforce(null)]).toEqual([90, 155]);
  });
});
