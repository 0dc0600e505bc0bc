import type { BranchUnitCreated, BranchUnitKind } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';

import { requireActive } from '../unions';
import type { BranchUnitsCommand, CreateBranchUnit } from './branch-units.commands';

/** A branch union 分工会 (车间工会) or a union group 工会小组 of a grassroots union. */
export interface BranchUnit {
  branchId: string;
  kind: BranchUnitKind;
  name: string;
  establishedOn: string;
}

/** The units below one union, in the order set up: one stream per union (`union-branches-<id>`). */
export interface BranchUnits {
  branches: BranchUnit[];
}

export type BranchUnitsEvent = BranchUnitCreated;

export const initialState = (): BranchUnits => ({ branches: [] });

export const evolve = (state: BranchUnits, event: BranchUnitsEvent): BranchUnits => {
  switch (event.type) {
    case 'BranchUnitCreated': {
      const { branchId, kind, name, establishedOn } = event.data;

      return { branches: [...state.branches, { branchId, kind, name, establishedOn }] };
    }
    default:
      return state;
  }
};

const KIND_ZH: Record<BranchUnitKind, string> = {
  branch_union: '分工会',
  union_group: '工会小组',
};

/** Set up by the union's cadre: an active union, not before its founding, a name not yet used. */
export const createBranchUnit = (
  command: CreateBranchUnit,
  state: BranchUnits,
): BranchUnitCreated => {
  const { branchId, kind, name, establishedOn } = command.data;
  const union = requireActive(command.data.union);
  notInFuture(establishedOn, command.metadata.now, 'date it was set up', '设立日期');
  if (establishedOn < union.establishedOn)
    throw new IllegalStateError(
      `A ${kind === 'branch_union' ? 'branch union' : 'union group'} cannot be set up before its union was founded (${union.establishedOn}). / 设立日期早于工会成立日期。`,
      'BRANCH_BEFORE_FOUNDING',
    );
  if (state.branches.some((branch) => branch.name === name))
    throw new IllegalStateError(
      `The union already has a unit named ${name}. / 本工会已有同名的${KIND_ZH[kind]}或其他下属组织。`,
      'BRANCH_NAME_TAKEN',
    );

  return {
    type: 'BranchUnitCreated',
    data: { branchId, unionId: union.id, kind, name, establishedOn },
  };
};

// One command so far: more (closing a branch) would make this a switch.
export const decide = (command: BranchUnitsCommand, state: BranchUnits): BranchUnitsEvent =>
  createBranchUnit(command, state);

export const branchUnitsDecider: Decider<BranchUnits, BranchUnitsCommand, BranchUnitsEvent> = {
  decide,
  evolve,
  initialState,
};
