import type { OrgUnitMoved } from '@taizhang/contracts';

import { moveOrgUnit } from '../../org-units';
import type { MoveUnion } from '../union.commands';
import type { Union } from '../union.state';
import { notBeforeFounding, requireActive } from './union-dates';

/**
 * 隶属关系调整: a union moves under another street or district federation from a date, not before
 * it was founded; its figures before that date stay with the old parent.
 */
export const moveUnion = (command: MoveUnion, state: Union): OrgUnitMoved => {
  const union = requireActive(state);
  notBeforeFounding(union, command.data.effectiveOn, 'moved', '调整日期', 'MOVED_BEFORE_FOUNDING');

  return moveOrgUnit(command, { ...union, kind: 'union' }, ['street', 'district']);
};
