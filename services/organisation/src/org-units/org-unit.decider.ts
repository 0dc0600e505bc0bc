import type {
  FederationKind,
  OrgUnitCreated,
  OrgUnitMoved,
  OrgUnitRenamed,
} from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';

import type { CreateOrgUnit, OrgUnitCommand } from './org-unit.commands';
import type { ActiveOrgUnit } from './org-unit-changes';
import { moveOrgUnit, renameOrgUnit } from './org-unit-changes';

/** A federation unit of the org tree (组织体系): 市总工会, 区县总工会, 街道工会联合会, 社区/村工会. */
export type OrgUnit =
  { status: 'None' } | ({ status: 'Active'; code: string; kind: FederationKind } & ActiveOrgUnit);

export type OrgUnitEvent = OrgUnitCreated | OrgUnitRenamed | OrgUnitMoved;

/** Which kind of unit each kind must sit under (null: at the top of the tree). */
const REQUIRED_PARENT: Record<FederationKind, FederationKind | null> = {
  municipal: null,
  district: 'municipal',
  street: 'district',
  community: 'street',
  village: 'street',
};

const KIND_ZH: Record<FederationKind, string> = {
  municipal: '市总工会',
  district: '区县总工会',
  street: '街道(乡镇)工会',
  community: '社区工会',
  village: '村工会',
};

export const initialState = (): OrgUnit => ({ status: 'None' });

export const evolve = (state: OrgUnit, event: OrgUnitEvent): OrgUnit => {
  switch (event.type) {
    case 'OrgUnitCreated':
      return { status: 'Active', ...event.data, id: event.data.orgUnitId };
    case 'OrgUnitRenamed':
      return state.status === 'Active'
        ? { ...state, name: event.data.name, renamedOn: event.data.effectiveOn }
        : state;
    case 'OrgUnitMoved':
      return state.status === 'Active'
        ? {
            ...state,
            parentId: event.data.parentId,
            orgPath: event.data.orgPath,
            movedOn: event.data.effectiveOn,
          }
        : state;
    default:
      return state;
  }
};

export const createOrgUnit = (command: CreateOrgUnit, state: OrgUnit): OrgUnitCreated => {
  const { orgUnitId, code, name, kind, parent } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Org unit ${orgUnitId} already exists.`, 'ORG_UNIT_EXISTS');
  const required = REQUIRED_PARENT[kind];
  if (required === null && parent !== null)
    throw new IllegalStateError(
      `A municipal federation is the top of the tree and has no parent. / 市总工会没有上级单位。`,
      'PARENT_NOT_ALLOWED',
    );
  if (required !== null && parent?.kind !== required)
    throw new IllegalStateError(
      `A ${kind} unit must be placed under a ${required} unit. / ${KIND_ZH[kind]}的上级必须是${KIND_ZH[required]}。`,
      'WRONG_PARENT_KIND',
      { kind, requiredParentKind: required, parentKind: parent?.kind ?? null },
    );

  return {
    type: 'OrgUnitCreated',
    data: {
      orgUnitId,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      orgPath: parent ? `${parent.orgPath}/${orgUnitId}` : orgUnitId,
    },
  };
};

const requireActive = (state: OrgUnit): Extract<OrgUnit, { status: 'Active' }> => {
  if (state.status !== 'Active')
    throw new NotFoundError('The org unit does not exist. / 组织不存在。');

  return state;
};

export const decide = (command: OrgUnitCommand, state: OrgUnit): OrgUnitEvent => {
  switch (command.type) {
    case 'CreateOrgUnit':
      return createOrgUnit(command, state);
    case 'RenameOrgUnit':
      return renameOrgUnit(command, requireActive(state));
    case 'MoveOrgUnit': {
      const unit = requireActive(state);
      const required = REQUIRED_PARENT[unit.kind];

      return moveOrgUnit(command, unit, required === null ? [] : [required]);
    }
    default:
      return unknownCommand(command);
  }
};

export const orgUnitDecider: Decider<OrgUnit, OrgUnitCommand, OrgUnitEvent> = {
  decide,
  evolve,
  initialState,
};
