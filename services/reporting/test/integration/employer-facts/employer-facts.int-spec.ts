import { unionEstablishedData } from '@taizhang/testing';

import { employerFiguresOfUnit } from '../../../src/employer-facts/employer-facts.query';
import { projectOrganisationEvent } from '../../../src/organisation-event.projection';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const envelope = organisationEnvelope;

const unit = orgUnitCreated;
const employer = (id: string, streetPath: string, headcount: number, registeredOn: string) =>
  envelope('EmployerRegistered', `${streetPath}/${id}`, {
    employerId: id,
    creditCode: id,
    name: `${id}公司`,
    kind: 'enterprise',
    streetId: streetPath.split('/').pop(),
    orgPath: `${streetPath}/${id}`,
    registeredOn,
    headcount,
    femaleHeadcount: 0,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  });
const headcounts = (id: string, streetPath: string, headcount: number, asOf: string) =>
  envelope('EmployerHeadcountsUpdated', `${streetPath}/${id}`, {
    employerId: id,
    asOf,
    headcount,
    femaleHeadcount: 1,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  });
const closed = (id: string, streetPath: string) =>
  envelope('EmployerClosed', `${streetPath}/${id}`, {
    employerId: id,
    closedOn: '2026-02-01',
    reason: '企业注销',
  });

const union = (id: string, streetPath: string, employerIds: string[]) =>
  envelope(
    'UnionEstablished',
    `${streetPath}/${id}`,
    unionEstablishedData({
      unionId: id,
      parentId: streetPath.split('/').pop()!,
      orgPath: `${streetPath}/${id}`,
      establishedOn: '2026-01-20',
      employerIds,
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
      termEndsOn: '2029-01-19',
    }),
  );

describe('employer facts', () => {
  const db = reportingDatabaseForSuite(() => [
    unit('m', 'municipal', null, 'm'),
    unit('d1', 'district', 'm', 'm/d1'),
    // A sibling whose id starts like d1's must not be counted under d1.
    unit('d10', 'district', 'm', 'm/d10'),
    unit('s1', 'street', 'd1', 'm/d1/s1'),
    unit('s2', 'street', 'd1', 'm/d1/s2'),
    unit('s3', 'street', 'd10', 'm/d10/s3'),
    employer('e1', 'm/d1/s1', 100, '2025-12-01'),
    employer('e2', 'm/d1/s1', 20, '2025-12-15'),
    employer('e3', 'm/d1/s2', 7, '2025-11-30'),
    employer('e4', 'm/d10/s3', 1000, '2025-12-31'),
    headcounts('e1', 'm/d1/s1', 110, '2026-01-10'),
    // An older figure arriving late does not replace a newer one.
    headcounts('e1', 'm/d1/s1', 90, '2026-01-05'),
    employer('e5', 'm/d1/s2', 50, '2025-12-01'),
    closed('e5', 'm/d1/s2'),
    // A union covering e1 (its events may come before the employer's: coverage is joined on read).
    union('u1', 'm/d1/s1', ['e1']),
    // A union covering e3 that was dissolved: e3 is no longer covered.
    union('u2', 'm/d1/s2', ['e3']),
    envelope('UnionDissolved', 'm/d1/s2/u2', {
      unionId: 'u2',
      dissolvedOn: '2026-02-01',
      reason: '企业注销',
    }),
  ]);

  const registry = (oldest: string | null, newest: string | null) => ({
    source: 'employer-registry',
    oldestHeadcountsAsOf: oldest,
    newestHeadcountsAsOf: newest,
  });

  it('counts the open employers, the covered ones and their latest headcounts, per street, district and city', async () => {
    expect(await employerFiguresOfUnit(db.pool, 's1')).toEqual({
      employers: 2,
      workforce: 130,
      femaleWorkforce: 1,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 1,
      workforceOfUnionisedEmployers: 110,
      employerRegistry: registry('2025-12-15', '2026-01-10'),
    });
    expect(await employerFiguresOfUnit(db.pool, 's2')).toEqual({
      employers: 1,
      workforce: 7,
      femaleWorkforce: 0,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 0,
      workforceOfUnionisedEmployers: 0,
      employerRegistry: registry('2025-11-30', '2025-11-30'),
    });
    expect(await employerFiguresOfUnit(db.pool, 'd1')).toEqual({
      employers: 3,
      workforce: 137,
      femaleWorkforce: 1,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 1,
      workforceOfUnionisedEmployers: 110,
      employerRegistry: registry('2025-11-30', '2026-01-10'),
    });
    expect(await employerFiguresOfUnit(db.pool, 'm')).toEqual({
      employers: 4,
      workforce: 1137,
      femaleWorkforce: 1,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 1,
      workforceOfUnionisedEmployers: 110,
      employerRegistry: registry('2025-11-30', '2026-01-10'),
    });
  });

  it('answers zero employers with no dates for a unit without any, and null for an unknown unit', async () => {
    await db.pool.query(
      "INSERT INTO org_unit_facts (org_unit_id, kind, org_path) VALUES ('s4', 'street', 'm/d10/s4')",
    );
    expect(await employerFiguresOfUnit(db.pool, 's4')).toEqual({
      employers: 0,
      workforce: 0,
      femaleWorkforce: 0,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 0,
      workforceOfUnionisedEmployers: 0,
      employerRegistry: registry(null, null),
    });
    expect(await employerFiguresOfUnit(db.pool, 'nope')).toBeNull();
  });

  it('counts the employers a union registered as it was (存量工会登记) names as covered', async () => {
    const client = await db.pool.connect();
    try {
      await projectOrganisationEvent(
        envelope('UnionRegistered', 'm/d10/s3/u3', {
          unionId: 'u3',
          name: '老厂工会',
          parentId: 's3',
          establishedOn: '1998-05-01',
          orgPath: 'm/d10/s3/u3',
          employerIds: ['e4'],
        }),
        client,
      );
    } finally {
      client.release();
    }

    expect(await employerFiguresOfUnit(db.pool, 's3')).toMatchObject({
      employers: 1,
      coveredEmployers: 1,
      workforceOfUnionisedEmployers: 1000,
    });
    expect(await employerFiguresOfUnit(db.pool, 'm')).toMatchObject({
      coveredEmployers: 2,
      workforceOfUnionisedEmployers: 1110,
    });
  });
});
