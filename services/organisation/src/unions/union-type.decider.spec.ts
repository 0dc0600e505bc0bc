import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const today = commandMetadata({ now: '2026-03-10T02:00:00Z' });
const parent = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const registered = (unionType?: 'school'): UnionEvent => ({
  type: 'UnionRegistered',
  data: {
    unionId: 'u1',
    name: '实验小学工会',
    parentId: 's1',
    establishedOn: '2010-09-01',
    orgPath: 'm1/d1/s1/u1',
    ...(unionType ? { unionType } : {}),
  },
});
const change = (unionType: 'joint' | 'school', effectiveOn = '2026-01-01'): UnionCommand => ({
  type: 'ChangeUnionType',
  data: { unionType, effectiveOn },
  metadata: today,
});
const changed: UnionEvent = {
  type: 'UnionTypeChanged',
  data: { unionId: 'u1', unionType: 'joint', previousType: 'school', effectiveOn: '2026-01-01' },
};

describe('Union type (工会类型)', () => {
  describe('at registration', () => {
    it('records the type a registration names', () =>
      spec
        .given([])
        .when({
          type: 'RegisterUnion',
          data: {
            unionId: 'u1',
            name: '实验小学工会',
            establishedOn: '2010-09-01',
            parent,
            unionType: 'school',
          },
          metadata: today,
        })
        .then(registered('school')));

    it('records no type when an old client names none (not recorded, not a guess)', () =>
      spec
        .given([])
        .when({
          type: 'RegisterUnion',
          data: { unionId: 'u1', name: '实验小学工会', establishedOn: '2010-09-01', parent },
          metadata: today,
        })
        .then(registered()));
  });

  describe('at founding', () => {
    it('carries the application’s type into the established union', () => {
      const applied: UnionEvent = {
        type: 'UnionApplicationSubmitted',
        data: {
          unionId: 'u1',
          proposedName: '商贸城市场工会',
          parentId: 's1',
          orgPath: 'm1/d1/s1/u1',
          employerIds: ['e1', 'e2'],
          preparatoryGroup: [
            { name: '甲', role: '组长' },
            { name: '乙', role: '成员' },
            { name: '丙', role: '成员' },
          ],
          submittedOn: '2026-01-05',
          unionType: 'market',
        },
      };
      const approved: UnionEvent = {
        type: 'UnionApplicationApproved',
        data: { unionId: 'u1', approvedOn: '2026-01-06' },
      };
      spec
        .given([applied, approved])
        .when({
          type: 'HoldFoundingCongress',
          data: {
            heldOn: '2026-01-20',
            entitledVoters: 12,
            present: 10,
            committee: [{ name: '甲', post: 'organiser' }],
            termYears: 3,
          },
          metadata: today,
        })
        .then([
          expect.objectContaining({
            type: 'UnionEstablished',
            data: expect.objectContaining({ unionType: 'market' }) as UnionEvent['data'],
          }) as UnionEvent,
          // The elected committee takes office with it (三亮), as at every founding.
          expect.objectContaining({ type: 'CommitteeTookOffice' }) as UnionEvent,
        ]);
    });
  });

  describe('changed by a dated event', () => {
    it('changes the type from a date, saying what it was', () =>
      spec
        .given([registered('school')])
        .when(change('joint'))
        .then(changed));

    it('says a type was not recorded before a first change of an old union', () =>
      spec
        .given([registered()])
        .when(change('school'))
        .then({ ...changed, data: { ...changed.data, unionType: 'school', previousType: null } }));

    it('keeps the new type in the state', () =>
      expect([registered('school'), changed].reduce(evolve, initialState())).toMatchObject({
        unionType: 'joint',
        typeChangedOn: '2026-01-01',
      }));

    it('refuses the type the union has, a date before founding, in the future or before the last change', () => {
      spec
        .given([registered('school')])
        .when(change('school'))
        .thenThrows(IllegalStateError, /already of this type/);
      spec
        .given([registered('school')])
        .when(change('joint', '2009-01-01'))
        .thenThrows(IllegalStateError, /before it was founded/);
      spec
        .given([registered('school')])
        .when(change('joint', '2026-03-11'))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([registered('school'), changed])
        .when(change('school', '2025-12-31'))
        .thenThrows(IllegalStateError, /previous change of type/);
    });

    it('records nothing for a dissolved union', () =>
      spec
        .given([
          registered('school'),
          {
            type: 'UnionDissolved',
            data: { unionId: 'u1', dissolvedOn: '2026-02-01', reason: '撤并' },
          },
        ])
        .when(change('joint'))
        .thenThrows(IllegalStateError, /dissolved/));
  });
});
