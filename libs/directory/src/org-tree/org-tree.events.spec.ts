import {
  organisationEvent,
  unionRegistered,
  unitCreated,
  unitMoved,
} from '../../test/organisation-event';
import { orgTreeChangeOf } from './org-tree.events';

describe('orgTreeChangeOf', () => {
  it('places a created unit under its parent since always', () => {
    expect(orgTreeChangeOf(unitCreated('s1', 'street', 'm/d1'))).toEqual({
      type: 'created',
      placement: { unitId: 's1', validFrom: '-infinity', parentId: 'd1', kind: 'street' },
      unit: { unitId: 's1', kind: 'street', name: 's1总工会', orgPath: 'm/d1/s1' },
    });
    expect(orgTreeChangeOf(unionRegistered('a', 'm/d1/s1'))).toMatchObject({
      placement: {
        unitId: 'a',
        validFrom: '-infinity',
        parentId: 's1',
        kind: 'union',
      },
    });
  });

  it('places a moved unit under its new parent from the move date', () => {
    expect(orgTreeChangeOf(unitMoved('s1', 'federation', 'm/d1', 'm/d2', '2024-01-01'))).toEqual({
      type: 'moved',
      placement: { unitId: 's1', validFrom: '2024-01-01', parentId: 'd2', kind: 'federation' },
      orgPath: 'm/d2/s1',
    });
  });

  it('ends a merged union and ignores what does not change the tree', () => {
    const merged = organisationEvent(
      'UnionMerged',
      { unionId: 'a', intoUnionId: 'b', mergedOn: '2025-01-01', reason: '合并' },
      { unit: 'a', path: 'm/a', streamId: 'union-a', version: 3 },
    );
    expect(orgTreeChangeOf(merged)).toEqual({ type: 'ended', unitId: 'a' });
    expect(orgTreeChangeOf({ type: 'MemberLeft', data: {} })).toBeNull();
  });
});
