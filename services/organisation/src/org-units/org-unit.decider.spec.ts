import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { CreateOrgUnit, MoveOrgUnit, ParentRef, RenameOrgUnit } from './org-unit.commands';
import type { OrgUnitEvent } from './org-unit.decider';
import { orgUnitDecider } from './org-unit.decider';

const given = DeciderSpecification.for(orgUnitDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T00:00:00Z', actorRole: 'admin' });
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

describe('OrgUnit changes', () => {
  const street: OrgUnitEvent = {
    type: 'OrgUnitCreated',
    data: {
      orgUnitId: 's1',
      code: '210102001',
      name: '南市场街道工会联合会',
      kind: 'street',
      parentId: 'd1',
      orgPath: 'm1/d1/s1',
    },
  };
  const d2: ParentRef = { id: 'd2', kind: 'district', orgPath: 'm1/d2' };
  const move = (
    parent: ParentRef | null = d2,
    effectiveOn = '2026-02-01',
    currentOrgPath = 'm1/d1/s1',
  ): MoveOrgUnit => ({
    type: 'MoveOrgUnit',
    data: { parent, effectiveOn, currentOrgPath },
    metadata,
  });
  const moved: OrgUnitEvent = {
    type: 'OrgUnitMoved',
    data: {
      orgUnitId: 's1',
      unitKind: 'federation',
      previousParentId: 'd1',
      parentId: 'd2',
      previousOrgPath: 'm1/d1/s1',
      orgPath: 'm1/d2/s1',
      effectiveOn: '2026-02-01',
    },
  };
  const rename = (name: string, effectiveOn = '2026-02-01'): RenameOrgUnit => ({
    type: 'RenameOrgUnit',
    data: { name, effectiveOn },
    metadata,
  });

  describe('when a street is moved', () => {
    it('moves it under another district from a date, with the new path', () =>
      given([street]).when(move()).then(moved));

    it('moves from the path the tree gives it now', () =>
      given([street])
        .when(move(d2, '2026-02-01', 'm1/d9/s1'))
        .then({ ...moved, data: { ...moved.data, previousOrgPath: 'm1/d9/s1' } }));

    it('refuses a parent of the wrong level: a street sits under a district', () =>
      given([street])
        .when(move({ id: 's9', kind: 'street', orgPath: 'm1/d2/s9' }))
        .thenThrows(IllegalStateError, /under a district/));

    it('refuses the same parent, a missing one, and a date in the future', () => {
      given([street])
        .when(move({ id: 'd1', kind: 'district', orgPath: 'm1/d1' }))
        .thenThrows(IllegalStateError, /already under this parent/);
      given([street])
        .when(move(null))
        .thenThrows(IllegalStateError, /does not exist/);
      given([street])
        .when(move(d2, '2026-03-02'))
        .thenThrows(IllegalStateError, /future/);
    });

    it('refuses a second move that does not come after the first', () =>
      given([street, moved])
        .when(move({ id: 'd1', kind: 'district', orgPath: 'm1/d1' }, '2026-01-15', 'm1/d2/s1'))
        .thenThrows(IllegalStateError, /after it/));

    it('moves back later, from the path it has now', () =>
      given([street, moved])
        .when(move({ id: 'd1', kind: 'district', orgPath: 'm1/d1' }, '2026-02-20', 'm1/d2/s1'))
        .then({
          type: 'OrgUnitMoved',
          data: {
            orgUnitId: 's1',
            unitKind: 'federation',
            previousParentId: 'd2',
            parentId: 'd1',
            previousOrgPath: 'm1/d2/s1',
            orgPath: 'm1/d1/s1',
            effectiveOn: '2026-02-20',
          },
        }));
  });

  describe('when the municipal federation is moved', () => {
    it('refuses: it is the top of the tree', () =>
      given([
        {
          type: 'OrgUnitCreated',
          data: {
            ...street.data,
            orgUnitId: 'm1',
            kind: 'municipal',
            parentId: null,
            orgPath: 'm1',
          },
        },
      ])
        .when(move(d2, '2026-02-01', 'm1'))
        .thenThrows(IllegalStateError, /cannot be moved/));
  });

  describe('when renamed', () => {
    it('takes the new name from a date, keeping the old one in the event', () =>
      given([street])
        .when(rename('南市场街道总工会'))
        .then({
          type: 'OrgUnitRenamed',
          data: {
            orgUnitId: 's1',
            previousName: '南市场街道工会联合会',
            name: '南市场街道总工会',
            effectiveOn: '2026-02-01',
          },
        }));

    it('refuses the same name, a future date, and a date before the last rename', () => {
      given([street])
        .when(rename('南市场街道工会联合会'))
        .thenThrows(IllegalStateError, /already has this name/);
      given([street])
        .when(rename('新名', '2026-03-02'))
        .thenThrows(IllegalStateError, /future/);
      given([
        street,
        {
          type: 'OrgUnitRenamed',
          data: { orgUnitId: 's1', previousName: 'a', name: 'b', effectiveOn: '2026-02-10' },
        },
      ])
        .when(rename('c', '2026-02-01'))
        .thenThrows(IllegalStateError, /before it/);
    });
  });

  describe('when it does not exist', () => {
    it('cannot be renamed or moved', () => {
      given([])
        .when(rename('x'))
        .thenThrows(NotFoundError, /does not exist/);
      given([])
        .when(move())
        .thenThrows(NotFoundError, /does not exist/);
    });
  });
});
