import type { UnionTypeChanged } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { ChangeUnionType } from '../union.commands';
import type { Union } from '../union.state';
import { notBeforeFounding, requireActive } from './union-dates';

/**
 * 工会类型变更: from its date the union counts under its new type (figures by type). Not the
 * type it has, not before its founding nor before the previous change (each date has one type).
 */
export const changeUnionType = (command: ChangeUnionType, state: Union): UnionTypeChanged => {
  const union = requireActive(state);
  const { unionType, effectiveOn } = command.data;
  if (union.unionType === unionType)
    throw new IllegalStateError(
      'The union is already of this type. / 工会类型与原类型相同。',
      'SAME_UNION_TYPE',
    );
  notInFuture(effectiveOn, command.metadata.now, 'date of the change', '变更日期');
  notBeforeFounding(union, effectiveOn, 'retyped', '变更日期', 'TYPE_CHANGED_BEFORE_FOUNDING');
  if (union.typeChangedOn !== undefined && effectiveOn < union.typeChangedOn)
    throw new IllegalStateError(
      `The change cannot precede the previous change of type (${union.typeChangedOn}). / 变更日期早于上一次类型变更。`,
      'DATE_BEFORE_LAST_CHANGE',
    );

  return {
    type: 'UnionTypeChanged',
    data: { unionId: union.id, unionType, previousType: union.unionType ?? null, effectiveOn },
  };
};
