import type { UnionEvent } from '../../src/unions/union.decider';

/** The union `u1` (沈阳机床厂工会) registered under street `s1` in 2001: most union specs start here. */
export const unionRegistered: UnionEvent = {
  type: 'UnionRegistered',
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    parentId: 's1',
    establishedOn: '2001-05-01',
    orgPath: 'm1/d1/s1/u1',
  },
};

/** `u1` dissolved (破产) on the given day. */
export const unionDissolved = (dissolvedOn: string, reason = '破产'): UnionEvent => ({
  type: 'UnionDissolved',
  data: { unionId: 'u1', dissolvedOn, reason },
});
