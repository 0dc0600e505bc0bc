import type {
  UnionApplicationApproved,
  UnionApplicationRejected,
  UnionApplicationSubmitted,
  UnionEstablished,
  UnionRegistered,
} from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';

import type { ParentRef } from '../org-units/org-unit.commands';
import { businessDate } from '../shared/business-date';
import { checkElection, termEndsOn } from './committee-rules';
import type {
  ApproveUnionApplication,
  HoldFoundingCongress,
  RegisterUnion,
  RejectUnionApplication,
  SubmitUnionApplication,
  UnionCommand,
} from './union.commands';

interface Application {
  id: string;
  name: string;
  parentId: string;
  orgPath: string;
  employerIds: string[];
  submittedOn: string;
}

/**
 * A grassroots union (基层工会), from the founding application to an established org unit.
 * `Registered` is a union that exists as an org unit: registered as it was before the platform,
 * or established by its founding congress here.
 */
export type Union =
  | { status: 'None' }
  | ({ status: 'Applied' } & Application)
  | ({ status: 'Approved'; approvedOn: string } & Application)
  | ({ status: 'Rejected'; reason: string } & Application)
  | {
      status: 'Registered';
      id: string;
      name: string;
      parentId: string;
      orgPath: string;
      establishedOn: string;
      termEndsOn?: string;
    };

export type UnionEvent =
  | UnionRegistered
  | UnionApplicationSubmitted
  | UnionApplicationApproved
  | UnionApplicationRejected
  | UnionEstablished;

export const initialState = (): Union => ({ status: 'None' });

export const evolve = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
    case 'UnionRegistered':
      return { status: 'Registered', id: event.data.unionId, ...event.data };
    case 'UnionApplicationSubmitted': {
      const { unionId, proposedName, parentId, orgPath, employerIds, submittedOn } = event.data;

      return {
        status: 'Applied',
        id: unionId,
        name: proposedName,
        parentId,
        orgPath,
        employerIds,
        submittedOn,
      };
    }
    case 'UnionApplicationApproved':
      return state.status === 'Applied'
        ? { ...state, status: 'Approved', approvedOn: event.data.approvedOn }
        : state;
    case 'UnionApplicationRejected':
      return state.status === 'Applied'
        ? { ...state, status: 'Rejected', reason: event.data.reason }
        : state;
    case 'UnionEstablished': {
      const { unionId, name, parentId, orgPath, establishedOn, termEndsOn: ends } = event.data;

      return {
        status: 'Registered',
        id: unionId,
        name,
        parentId,
        orgPath,
        establishedOn,
        termEndsOn: ends,
      };
    }
    default:
      return state;
  }
};

const notInFuture = (date: string, now: Date, what: string, whatZh: string): void => {
  if (date > businessDate(now))
    throw new IllegalStateError(
      `The ${what} ${date} is in the future. / ${whatZh}不能晚于今天。`,
      'DATE_IN_FUTURE',
    );
};

// A grassroots union sits under a street or district federation (组织体系).
const checkParent = (parent: ParentRef | null): ParentRef => {
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
  const { unionId, name, establishedOn } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} is already registered.`, 'UNION_EXISTS');
  const parent = checkParent(command.data.parent);
  notInFuture(establishedOn, command.metadata.now, 'founding date', '成立日期');

  return {
    type: 'UnionRegistered',
    data: {
      unionId,
      name,
      parentId: parent.id,
      establishedOn,
      orgPath: `${parent.orgPath}/${unionId}`,
    },
  };
};

export const submitApplication = (
  command: SubmitUnionApplication,
  state: Union,
): UnionApplicationSubmitted => {
  const { unionId, proposedName, employerIds, preparatoryGroup } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} already exists.`, 'UNION_EXISTS');
  const parent = checkParent(command.data.parent);
  if (new Set(employerIds).size !== employerIds.length)
    throw new IllegalStateError(
      'An employer is listed twice. / 覆盖单位重复。',
      'DUPLICATE_EMPLOYER',
    );

  return {
    type: 'UnionApplicationSubmitted',
    data: {
      unionId,
      proposedName,
      parentId: parent.id,
      orgPath: `${parent.orgPath}/${unionId}`,
      employerIds,
      preparatoryGroup,
      submittedOn: businessDate(command.metadata.now),
    },
  };
};

const requireApplied = (state: Union, unionId: string): Extract<Union, { status: 'Applied' }> => {
  if (state.status !== 'Applied')
    throw new IllegalStateError(
      `The application ${unionId} is not waiting for a decision (it is ${state.status}). / 该组建申请不在待审批状态。`,
      'APPLICATION_NOT_PENDING',
      { status: state.status },
    );

  return state;
};

export const approveApplication = (
  command: ApproveUnionApplication,
  state: Union,
): UnionApplicationApproved => {
  const applied = requireApplied(state, 'application');

  return {
    type: 'UnionApplicationApproved',
    data: { unionId: applied.id, approvedOn: businessDate(command.metadata.now) },
  };
};

export const rejectApplication = (
  command: RejectUnionApplication,
  state: Union,
): UnionApplicationRejected => {
  const applied = requireApplied(state, 'application');

  return {
    type: 'UnionApplicationRejected',
    data: {
      unionId: applied.id,
      rejectedOn: businessDate(command.metadata.now),
      reason: command.data.reason,
    },
  };
};

export const holdFoundingCongress = (
  command: HoldFoundingCongress,
  state: Union,
): UnionEstablished => {
  const { heldOn, entitledVoters, present, committee, termYears } = command.data;
  if (state.status !== 'Approved')
    throw new IllegalStateError(
      state.status === 'Applied'
        ? 'The founding congress can only be held after the higher union approved the application. / 组建申请批准前不能召开会员大会。'
        : `No approved application to found this union (it is ${state.status}). / 没有已批准的组建申请。`,
      'APPLICATION_NOT_APPROVED',
      { status: state.status },
    );
  notInFuture(heldOn, command.metadata.now, 'congress date', '会议日期');
  if (heldOn < state.approvedOn)
    throw new IllegalStateError(
      `The congress (${heldOn}) cannot be held before the approval (${state.approvedOn}). / 会员大会日期早于批准日期。`,
      'CONGRESS_BEFORE_APPROVAL',
    );
  checkElection({ entitledVoters, present }, committee);

  return {
    type: 'UnionEstablished',
    data: {
      unionId: state.id,
      name: state.name,
      parentId: state.parentId,
      orgPath: state.orgPath,
      establishedOn: heldOn,
      employerIds: state.employerIds,
      congress: { entitledVoters, present },
      committee,
      termYears,
      termEndsOn: termEndsOn(heldOn, termYears),
    },
  };
};

export const decide = (command: UnionCommand, state: Union): UnionEvent => {
  switch (command.type) {
    case 'RegisterUnion':
      return registerUnion(command, state);
    case 'SubmitUnionApplication':
      return submitApplication(command, state);
    case 'ApproveUnionApplication':
      return approveApplication(command, state);
    case 'RejectUnionApplication':
      return rejectApplication(command, state);
    case 'HoldFoundingCongress':
      return holdFoundingCongress(command, state);
  }
};

export const unionDecider: Decider<Union, UnionCommand, UnionEvent> = {
  decide,
  evolve,
  initialState,
};
