import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { unionDissolved, unionRegistered as registered } from '../../test/unions/union-events';
import type { ParentRef } from '../org-units/org-unit.commands';
import type { UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const metadata = commandMetadata({ now: '2026-03-10T02:00:00Z', actorRole: 'admin' });
const s2: ParentRef = { id: 's2', kind: 'street', orgPath: 'm1/d2/s2' };
const move = (
  parent: ParentRef | null = s2,
  effectiveOn = '2026-03-01',
  currentOrgPath = 'm1/d1/s1/u1',
): UnionCommand => ({
  type: 'MoveUnion',
  data: { parent, effectiveOn, currentOrgPath },
  metadata,
});
const moved: UnionEvent = {
  type: 'OrgUnitMoved',
  data: {
    orgUnitId: 'u1',
    unitKind: 'union',
    previousParentId: 's1',
    parentId: 's2',
    previousOrgPath: 'm1/d1/s1/u1',
    orgPath: 'm1/d2/s2/u1',
    effectiveOn: '2026-03-01',
  },
};

describe('Union', () => {
  describe('when registered under a street', () => {
    it('moves under another street from a date, with its path under the new parent', () =>
      spec.given([registered]).when(move()).then(moved));

    it('moves from the path the tree gives it now, when its street moved meanwhile', () =>
      spec
        .given([registered])
        .when(move(s2, '2026-03-01', 'm1/d3/s1/u1'))
        .then({ ...moved, data: { ...moved.data, previousOrgPath: 'm1/d3/s1/u1' } }));

    it('moves directly under a district federation', () =>
      spec
        .given([registered])
        .when(move({ id: 'd2', kind: 'district', orgPath: 'm1/d2' }))
        .then({ ...moved, data: { ...moved.data, parentId: 'd2', orgPath: 'm1/d2/u1' } }));

    it('refuses a parent that does not exist', () =>
      spec
        .given([registered])
        .when(move(null))
        .thenThrows(IllegalStateError, /不存在/));

    it('refuses the parent it already has', () =>
      spec
        .given([registered])
        .when(move({ id: 's1', kind: 'street', orgPath: 'm1/d1/s1' }))
        .thenThrows(IllegalStateError, /already under this parent/));

    it('refuses the municipal federation as its parent', () =>
      spec
        .given([registered])
        .when(move({ id: 'm1', kind: 'municipal', orgPath: 'm1' }))
        .thenThrows(IllegalStateError, /street or district/));

    it('refuses a date in the future (China time) or before its founding', () => {
      spec
        .given([registered])
        .when(move(s2, '2026-03-11'))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([registered])
        .when(move(s2, '2000-01-01'))
        .thenThrows(IllegalStateError, /before it was founded/);
    });
  });

  describe('when moved already', () => {
    it('keeps the new parent and path', () =>
      spec
        .given([registered, moved])
        .when(move({ id: 's3', kind: 'street', orgPath: 'm1/d1/s3' }, '2026-03-05', 'm1/d2/s2/u1'))
        .then({
          type: 'OrgUnitMoved',
          data: {
            orgUnitId: 'u1',
            unitKind: 'union',
            previousParentId: 's2',
            parentId: 's3',
            previousOrgPath: 'm1/d2/s2/u1',
            orgPath: 'm1/d1/s3/u1',
            effectiveOn: '2026-03-05',
          },
        }));

    it('refuses a move on or before the last one: each date has one parent', () =>
      spec
        .given([registered, moved])
        .when(move({ id: 's3', kind: 'street', orgPath: 'm1/d1/s3' }, '2026-03-01'))
        .thenThrows(IllegalStateError, /after it/));
  });

  describe('when dissolved', () => {
    it('refuses to move', () =>
      spec
        .given([registered, unionDissolved('2026-01-05')])
        .when(move())
        .thenThrows(IllegalStateError, /dissolved/));
  });

  describe('when it does not exist', () => {
    it('refuses to move', () =>
      spec
        .given([])
        .when(move())
        .thenThrows(IllegalStateError, /not established/));
  });
});
