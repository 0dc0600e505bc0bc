import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { unionDissolved, unionRegistered as registered } from '../../test/unions/union-events';
import type { MergeUnion, UnionCommand } from './union.commands';
import type { Union, UnionEvent } from './union.decider';
import { unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const metadata = commandMetadata({ now: '2026-03-10T02:00:00Z' });
const receiving: Union = {
  status: 'Registered',
  id: 'u2',
  name: '沈阳机床集团工会',
  parentId: 's1',
  orgPath: 'm1/d1/s1/u2',
  establishedOn: '2010-01-01',
};
const merge = (data: Partial<MergeUnion['data']> = {}): UnionCommand => ({
  type: 'MergeUnion',
  data: { intoUnion: receiving, mergedOn: '2026-03-01', reason: '企业合并重组', ...data },
  metadata,
});
const merged: UnionEvent = {
  type: 'UnionMerged',
  data: { unionId: 'u1', intoUnionId: 'u2', mergedOn: '2026-03-01', reason: '企业合并重组' },
};

describe('Union merger (合并)', () => {
  describe('when the union is active', () => {
    it('merges into another active union', () =>
      spec.given([registered]).when(merge()).then(merged));

    it('refuses to merge a union into itself', () =>
      spec
        .given([registered])
        .when(merge({ intoUnion: { ...receiving, id: 'u1' } }))
        .thenThrows(IllegalStateError, /into itself/));

    it('refuses a receiving union that does not exist', () =>
      spec
        .given([registered])
        .when(merge({ intoUnion: { status: 'None' } }))
        .thenThrows(IllegalStateError, /does not exist/));

    it('refuses a receiving union that was dissolved or merged itself', () => {
      spec
        .given([registered])
        .when(
          merge({
            intoUnion: {
              status: 'Dissolved',
              id: 'u2',
              name: 'x',
              orgPath: 'm1/d1/s1/u2',
              dissolvedOn: '2025-01-01',
            },
          }),
        )
        .thenThrows(IllegalStateError, /dissolved/);
      spec
        .given([registered])
        .when(
          merge({
            intoUnion: {
              status: 'Merged',
              id: 'u2',
              name: 'x',
              orgPath: 'm1/d1/s1/u2',
              mergedOn: '2025-01-01',
              intoUnionId: 'u3',
            },
          }),
        )
        .thenThrows(IllegalStateError, /itself merged/);
    });

    it('refuses a receiving union founded after the merger date', () =>
      spec
        .given([registered])
        .when(merge({ mergedOn: '2009-12-31' }))
        .thenThrows(IllegalStateError, /founded only on 2010-01-01/));

    it('refuses a merger in the future (China time) or before the union was founded', () => {
      spec
        .given([registered])
        .when(merge({ mergedOn: '2026-03-11' }))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([registered])
        .when(
          merge({
            mergedOn: '2001-04-30',
            intoUnion: { ...receiving, establishedOn: '1990-01-01' },
          }),
        )
        .thenThrows(IllegalStateError, /before it was founded/);
    });
  });

  describe('when the union was merged', () => {
    it('records nothing more for it', () => {
      spec
        .given([registered, merged])
        .when(merge())
        .thenThrows(IllegalStateError, /merged/);
      spec
        .given([registered, merged])
        .when({
          type: 'RenameUnion',
          data: { name: '新名称', effectiveOn: '2026-03-05' },
          metadata,
        })
        .thenThrows(IllegalStateError, /nothing more can be recorded/);
    });
  });

  it('cannot merge a union that was dissolved', () =>
    spec
      .given([registered, unionDissolved('2025-01-01')])
      .when(merge())
      .thenThrows(IllegalStateError, /dissolved/));
});
