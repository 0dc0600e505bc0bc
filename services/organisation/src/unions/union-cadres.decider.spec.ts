import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { unionRegistered as registered } from '../../test/unions/union-events';
import type { AppointCadre, RemoveCadre, UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const metadata = commandMetadata({ now: '2026-03-10T02:00:00Z', actorRole: 'union_cadre' });
const chair = {
  cadreId: 'k1',
  name: '麻军峰',
  post: '工会主席',
  phone: '13804001122',
  duties: '主持工会全面工作，代表职工参加集体协商',
  appointedOn: '2024-01-05',
};
const appoint = (data: Partial<AppointCadre['data']> = {}): UnionCommand => ({
  type: 'AppointCadre',
  data: { ...chair, ...data },
  metadata,
});
const appointed: UnionEvent = { type: 'CadreAppointed', data: { unionId: 'u1', ...chair } };
const remove = (data: Partial<RemoveCadre['data']> = {}): UnionCommand => ({
  type: 'RemoveCadre',
  data: { cadreId: 'k1', removedOn: '2026-03-01', reason: '换届离任', ...data },
  metadata,
});

describe('Union cadres (三亮)', () => {
  describe('when the union is active', () => {
    it('shows a cadre with name, post, phone and duties, exactly as given', () =>
      spec.given([registered]).when(appoint()).then(appointed));

    it('refuses an appointment in the future or before the union was founded', () => {
      spec
        .given([registered])
        .when(appoint({ appointedOn: '2026-03-11' }))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([registered])
        .when(appoint({ appointedOn: '2001-04-30' }))
        .thenThrows(IllegalStateError, /before the union was founded/);
    });

    it('refuses the same person in the same post twice, but not in another post', () => {
      spec
        .given([registered, appointed])
        .when(appoint({ cadreId: 'k2' }))
        .thenThrows(IllegalStateError, /already serves/);
      spec
        .given([registered, appointed])
        .when(appoint({ cadreId: 'k2', post: '经费审查委员会主任' }))
        .then({
          type: 'CadreAppointed',
          data: { unionId: 'u1', ...chair, cadreId: 'k2', post: '经费审查委员会主任' },
        });
    });

    it('removes a serving cadre, who is then no longer shown', () => {
      spec
        .given([registered, appointed])
        .when(remove())
        .then({
          type: 'CadreRemoved',
          data: { unionId: 'u1', cadreId: 'k1', removedOn: '2026-03-01', reason: '换届离任' },
        });
      const removed: UnionEvent = {
        type: 'CadreRemoved',
        data: { unionId: 'u1', cadreId: 'k1', removedOn: '2026-03-01', reason: '换届离任' },
      };
      expect([registered, appointed, removed].reduce(evolve, initialState())).toMatchObject({
        cadres: [],
      });
    });

    it('removes only a cadre who serves, not before the appointment', () => {
      spec.given([registered]).when(remove()).thenThrows(NotFoundError);
      spec
        .given([registered, appointed])
        .when(remove({ removedOn: '2024-01-04' }))
        .thenThrows(IllegalStateError, /precede the appointment/);
    });
  });

  it('records no cadre for a merged union', () =>
    spec
      .given([
        registered,
        {
          type: 'UnionMerged',
          data: { unionId: 'u1', intoUnionId: 'u2', mergedOn: '2025-01-01', reason: '企业合并' },
        },
      ])
      .when(appoint())
      .thenThrows(IllegalStateError, /merged/));
});
