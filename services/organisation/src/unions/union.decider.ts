import type {
  CommitteeElected,
  CommitteeElectionApproved,
  OrgUnitMoved,
  UnionApplicationApproved,
  UnionApplicationRejected,
  UnionApplicationSubmitted,
  UnionDissolved,
  UnionEstablished,
  UnionRegistered,
  UnionRenamed,
  UnionTermExpired,
} from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';

import { approveElection, holdElection, recordTermExpiry } from './decide/elections';
import {
  approveApplication,
  holdFoundingCongress,
  rejectApplication,
  submitApplication,
} from './decide/founding';
import { moveUnion } from './decide/move';
import { registerUnion } from './decide/registration';
import { dissolveUnion, renameUnion } from './decide/union-life';
import type { UnionCommand } from './union.commands';
import type { Union } from './union.state';

export type { Union } from './union.state';

export type UnionEvent =
  | UnionRegistered
  | UnionApplicationSubmitted
  | UnionApplicationApproved
  | UnionApplicationRejected
  | UnionEstablished
  | CommitteeElected
  | CommitteeElectionApproved
  | UnionTermExpired
  | UnionRenamed
  | UnionDissolved
  | OrgUnitMoved;

export const initialState = (): Union => ({ status: 'None' });

const evolveFounding = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
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
    default:
      return state;
  }
};

const evolveActive = (state: Union, event: UnionEvent): Union => {
  if (state.status !== 'Registered') return state;
  switch (event.type) {
    case 'CommitteeElected':
      return {
        ...state,
        pendingElection: { heldOn: event.data.heldOn, termYears: event.data.termYears },
      };
    case 'CommitteeElectionApproved':
      return {
        ...state,
        pendingElection: undefined,
        termEndsOn: event.data.termEndsOn,
        termExpired: false,
      };
    case 'UnionTermExpired':
      return { ...state, termExpired: true };
    case 'UnionRenamed':
      return { ...state, name: event.data.name };
    case 'OrgUnitMoved':
      return {
        ...state,
        parentId: event.data.parentId,
        orgPath: event.data.orgPath,
        movedOn: event.data.effectiveOn,
      };
    case 'UnionDissolved':
      return {
        status: 'Dissolved',
        id: state.id,
        name: state.name,
        orgPath: state.orgPath,
        dissolvedOn: event.data.dissolvedOn,
      };
    default:
      return state;
  }
};

export const evolve = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
    case 'UnionRegistered':
      return { status: 'Registered', id: event.data.unionId, ...event.data };
    case 'UnionEstablished': {
      const { unionId, name, parentId, orgPath, establishedOn, termEndsOn } = event.data;

      return {
        status: 'Registered',
        id: unionId,
        name,
        parentId,
        orgPath,
        establishedOn,
        termEndsOn,
      };
    }
    case 'UnionApplicationSubmitted':
    case 'UnionApplicationApproved':
    case 'UnionApplicationRejected':
      return evolveFounding(state, event);
    default:
      return evolveActive(state, event);
  }
};

type CommandHandlers = {
  [K in UnionCommand['type']]: (
    command: Extract<UnionCommand, { type: K }>,
    state: Union,
  ) => UnionEvent;
};

const handlers: CommandHandlers = {
  RegisterUnion: registerUnion,
  SubmitUnionApplication: submitApplication,
  ApproveUnionApplication: approveApplication,
  RejectUnionApplication: rejectApplication,
  HoldFoundingCongress: holdFoundingCongress,
  HoldElection: holdElection,
  ApproveElection: approveElection,
  RecordTermExpiry: recordTermExpiry,
  RenameUnion: renameUnion,
  DissolveUnion: dissolveUnion,
  MoveUnion: moveUnion,
};

export const decide = (command: UnionCommand, state: Union): UnionEvent =>
  (handlers[command.type] as (command: UnionCommand, state: Union) => UnionEvent)(command, state);

export const unionDecider: Decider<Union, UnionCommand, UnionEvent> = {
  decide,
  evolve,
  initialState,
};
