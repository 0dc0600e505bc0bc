import { randomUUID } from 'node:crypto';

import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const envelope = (type: string, orgUnitId: string, orgPath: string, data: unknown) =>
  organisationEnvelope(type, orgPath, data, { orgUnitId, streamId: `s-${orgUnitId}` });

const unit = (id: string, kind: string, parentId: string | null, orgPath: string) =>
  orgUnitCreated(id, kind, parentId, orgPath, { streamId: `s-${id}` });
const union = (id: string, parentId: string, orgPath: string) =>
  envelope('UnionRegistered', id, orgPath, {
    unionId: id,
    name: id,
    parentId,
    establishedOn: '2000-01-01',
    orgPath,
  });
const member = (unionId: string, orgPath: string, gender: 'female' | 'male') =>
  envelope('MemberJoined', unionId, orgPath, {
    memberId: randomUUID(),
    unionId,
    name: '张三',
    gender,
    joinedOn: '2020-01-01',
  });

describe('org unit facts', () => {
  const db = reportingDatabaseForSuite(() => [
    unit('m', 'municipal', null, 'm'),
    unit('d1', 'district', 'm', 'm/d1'),
    unit('d2', 'district', 'm', 'm/d2'),
    // A sibling whose id starts like d1's must not be counted under d1.
    unit('d10', 'district', 'm', 'm/d10'),
    unit('s1', 'street', 'd1', 'm/d1/s1'),
    union('u1', 's1', 'm/d1/s1/u1'),
    union('u2', 'd2', 'm/d2/u2'),
    union('u3', 'd10', 'm/d10/u3'),
    member('u1', 'm/d1/s1/u1', 'female'),
    member('u1', 'm/d1/s1/u1', 'male'),
    member('u2', 'm/d2/u2', 'female'),
    member('u3', 'm/d10/u3', 'male'),
  ]);

  it('sums the whole subtree of each unit', async () => {
    expect(await orgUnitSummary(db.pool, 'm')).toMatchObject({
      orgUnitId: 'm',
      unions: 3,
      members: 4,
      femaleMembers: 2,
    });
    expect(await orgUnitSummary(db.pool, 'd1')).toMatchObject({
      orgUnitId: 'd1',
      unions: 1,
      members: 2,
      femaleMembers: 1,
    });
    expect(await orgUnitSummary(db.pool, 'u2')).toMatchObject({
      orgUnitId: 'u2',
      unions: 1,
      members: 1,
      femaleMembers: 1,
    });
  });

  it('knows nothing of a unit it never heard of', async () => {
    expect(await orgUnitSummary(db.pool, 'nope')).toBeNull();
  });
});
