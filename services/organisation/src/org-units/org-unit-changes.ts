import type { FederationKind, OrgUnitMoved, OrgUnitRenamed } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { MoveData, ParentRef, RenameOrgUnit } from './org-unit.commands';

/** The state a rename or a move needs of a federation unit. */
export interface ActiveOrgUnit {
  id: string;
  name: string;
  kind: FederationKind | 'union';
  parentId: string | null;
  orgPath: string;
  /** The effective date of the last rename, if any: a later one cannot go back before it. */
  renamedOn?: string;
  /** The effective date of the last move, if any: figures before it stay with the old parent. */
  movedOn?: string;
}

export const renameOrgUnit = (command: RenameOrgUnit, unit: ActiveOrgUnit): OrgUnitRenamed => {
  const { name, effectiveOn } = command.data;
  if (name === unit.name)
    throw new IllegalStateError(
      'The unit already has this name. / 新名称与原名称相同。',
      'SAME_NAME',
    );
  notInFuture(effectiveOn, command.metadata.now, 'renaming date', '更名日期');
  if (unit.renamedOn !== undefined && effectiveOn < unit.renamedOn)
    throw new IllegalStateError(
      `The unit was last renamed on ${unit.renamedOn}; a rename cannot take effect before it. / 更名日期早于上次更名。`,
      'DATE_BEFORE_LAST_CHANGE',
    );

  return {
    type: 'OrgUnitRenamed',
    data: { orgUnitId: unit.id, previousName: unit.name, name, effectiveOn },
  };
};

/**
 * A move changes the unit's path from its effective date; a later move cannot go back before an
 * earlier one (each date of the tree's history has one parent). The parent must be of the kind
 * the unit's level requires, so a unit never lands under itself.
 */
export const moveOrgUnit = (
  command: { data: MoveData; metadata: { now: Date } },
  unit: ActiveOrgUnit,
  allowedParentKinds: readonly FederationKind[],
): OrgUnitMoved => {
  const { parent, effectiveOn, currentOrgPath } = command.data;
  if (allowedParentKinds.length === 0 || unit.parentId === null)
    throw new IllegalStateError(
      'A municipal federation is the top of the tree and cannot be moved. / 市总工会不能调整隶属关系。',
      'CANNOT_MOVE_ROOT',
    );
  const target = requireParent(parent, unit, allowedParentKinds);
  notInFuture(effectiveOn, command.metadata.now, 'moving date', '调整日期');
  if (unit.movedOn !== undefined && effectiveOn <= unit.movedOn)
    throw new IllegalStateError(
      `The unit was last moved on ${unit.movedOn}; a move must take effect after it. / 调整日期必须晚于上次调整。`,
      'DATE_BEFORE_LAST_CHANGE',
    );

  return {
    type: 'OrgUnitMoved',
    data: {
      orgUnitId: unit.id,
      unitKind: unit.kind === 'union' ? 'union' : 'federation',
      previousParentId: unit.parentId,
      parentId: target.id,
      previousOrgPath: currentOrgPath,
      orgPath: `${target.orgPath}/${unit.id}`,
      effectiveOn,
    },
  };
};

const requireParent = (
  parent: ParentRef | null,
  unit: ActiveOrgUnit,
  allowed: readonly FederationKind[],
): ParentRef => {
  if (!parent)
    throw new IllegalStateError(
      'The new parent unit does not exist. / 新的上级单位不存在。',
      'PARENT_NOT_FOUND',
    );
  if (parent.id === unit.parentId)
    throw new IllegalStateError(
      'The unit is already under this parent. / 已隶属于该上级单位。',
      'SAME_PARENT',
    );
  if (!allowed.includes(parent.kind))
    throw new IllegalStateError(
      `A ${unit.kind} unit must be placed under a ${allowed.join(' or ')} unit. / 上级单位的层级不符。`,
      'WRONG_PARENT_KIND',
      { kind: unit.kind, allowedParentKinds: allowed, parentKind: parent.kind },
    );

  return parent;
};
