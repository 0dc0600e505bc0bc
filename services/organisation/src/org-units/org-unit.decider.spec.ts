import type { CommandMetadata } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';
import { DeciderSpecification } from '@taizhang/testing';

import type { CreateOrgUnit, ParentRef } from './org-unit.commands';
import { orgUnitDecider } from './org-unit.decider';

const given = DeciderSpecification.for(orgUnitDecider).given;
const metadata: CommandMetadata = {
  now: new Date('2026-03-01T00:00:00Z'),
  actorId: 'admin-1',
  actorRole: 'admin',
  correlationId: 'c-1',
};
const create = (data: Partial<CreateOrgUnit['data']>): CreateOrgUnit => ({
  type: 'CreateOrgUnit',
  data: {
    orgUnitId: 'd1',
    code: '211103',
    name: '和平区总工会',
    kind: 'district',
    parent: null,
    ...data,
  },
  metadata,
});
const city: ParentRef = { id: 'm1', kind: 'municipal', orgPath: 'm1' };

describe('OrgUnit', () => {
  describe('when not yet created', () => {
    it('creates a district under the municipal federation, extending its path', () =>
      given([])
        .when(create({ parent: city }))
        .then({
          type: 'OrgUnitCreated',
          data: {
            orgUnitId: 'd1',
            code: '211103',
            name: '和平区总工会',
            kind: 'district',
            parentId: 'm1',
            orgPath: 'm1/d1',
          },
        }));

    it('creates a municipal federation at the top of the tree', () =>
      given([])
        .when(create({ orgUnitId: 'm1', kind: 'municipal', name: '沈阳市总工会' }))
        .then({
          type: 'OrgUnitCreated',
          data: {
            orgUnitId: 'm1',
            code: '211103',
            name: '沈阳市总工会',
            kind: 'municipal',
            parentId: null,
            orgPath: 'm1',
          },
        }));

    it('refuses a municipal federation with a parent', () =>
      given([])
        .when(create({ kind: 'municipal', parent: city }))
        .thenThrows(IllegalStateError, /no parent/));

    it('refuses a street directly under the municipal federation', () =>
      given([])
        .when(create({ kind: 'street', parent: city }))
        .thenThrows(IllegalStateError, /must be placed under a district/));

    it('refuses a district without a parent', () =>
      given([])
        .when(create({}))
        .thenThrows(IllegalStateError, /under a municipal/));
  });

  describe('when created', () => {
    it('refuses to be created twice', () =>
      given([
        {
          type: 'OrgUnitCreated',
          data: {
            orgUnitId: 'd1',
            code: 'x',
            name: 'x',
            kind: 'district',
            parentId: 'm1',
            orgPath: 'm1/d1',
          },
        },
      ])
        .when(create({ parent: city }))
        .thenThrows(IllegalStateError, /already exists/));
  });
});
