import type { UnionDissolved, UnionRenamed } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { DissolveUnion, RenameUnion } from '../union.commands';
import type { Union } from '../union.state';
import { notBeforeFounding, requireActive } from './union-dates';

export const renameUnion = (command: RenameUnion, state: Union): UnionRenamed => {
  const union = requireActive(state);
  const { name, effectiveOn } = command.data;
  if (name === union.name)
    throw new IllegalStateError(
      'The union already has this name. / 新名称与原名称相同。',
      'SAME_NAME',
    );
  notInFuture(effectiveOn, command.metadata.now, 'renaming date', '更名日期');
  notBeforeFounding(union, effectiveOn, 'renamed', '更名日期', 'RENAMED_BEFORE_FOUNDING');

  return {
    type: 'UnionRenamed',
    data: { unionId: union.id, previousName: union.name, name, effectiveOn },
  };
};

export const dissolveUnion = (command: DissolveUnion, state: Union): UnionDissolved => {
  const union = requireActive(state);
  const { reason, dissolvedOn } = command.data;
  notInFuture(dissolvedOn, command.metadata.now, 'dissolution date', '撤销日期');
  notBeforeFounding(union, dissolvedOn, 'dissolved', '撤销日期', 'DISSOLVED_BEFORE_FOUNDING');

  return { type: 'UnionDissolved', data: { unionId: union.id, dissolvedOn, reason } };
};
