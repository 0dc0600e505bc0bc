import type { UnionRegistered } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { ParentRef } from '../../org-units';
import type { RegisterUnion } from '../union.commands';
import type { Union } from '../union.state';
import { checkCoveredEmployers } from './covered-employers';

// A grassroots union sits under a street or district federation (组织体系).
export const checkParent = (parent: ParentRef | null): ParentRef => {
  if (!parent)
    throw new IllegalStateError(
      'The parent federation does not exist. / 上级工会不存在。',
      'PARENT_NOT_FOUND',
    );
  if (parent.kind !== 'street' && parent.kind !== 'district')
    throw new IllegalStateError(
      'A grassroots union is registered under a street or district federation. / 基层工会的上级必须是街道(乡镇)或区县工会。',
      'WRONG_PARENT_KIND',
      { parentKind: parent.kind },
    );

  return parent;
};
export const registerUnion = (command: RegisterUnion, state: Union): UnionRegistered => {
  const { unionId, name, establishedOn, employerIds = [] } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} is already registered.`, 'UNION_EXISTS');
  const parent = checkParent(command.data.parent);
  notInFuture(establishedOn, command.metadata.now, 'founding date', '成立日期');
  checkCoveredEmployers(employerIds, command.data.employers ?? [], parent);

  return {
    type: 'UnionRegistered',
    data: {
      unionId,
      name,
      parentId: parent.id,
      establishedOn,
      orgPath: `${parent.orgPath}/${unionId}`,
      ...(employerIds.length > 0 ? { employerIds } : {}),
      ...(command.data.unionType ? { unionType: command.data.unionType } : {}),
    },
  };
};
