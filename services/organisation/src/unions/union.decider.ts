import type {
  ApprovalOverdue,
  CadreAppointed,
  CadreDetailsUpdated,
  CadreRemoved,
  CommitteeElected,
  CommitteeElectionApproved,
  CommitteeTookOffice,
  ElectionRejected,
  OrgUnitMoved,
  UnionApplicationApproved,
  UnionApplicationRejected,
  UnionApplicationSubmitted,
  UnionDissolved,
  UnionEstablished,
  UnionMerged,
  UnionRegistered,
  UnionRenamed,
  UnionTermExpired,
  UnionTypeChanged,
} from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { unknownCommand } from '@taizhang/event-store';
import type { RulesInForce } from '@taizhang/rules';
import { decidingUnder } from '@taizhang/rules';

import { recordApprovalOverdue } from './decide/approval-overdue';
import {
  appointCadre,
  removeCadre,
  seatFoundingCommittee,
  seatReelectedCommittee,
  updateCadreDetails,
} from './decide/cadres';
import {
  approveElection,
  holdElection,
  recordTermExpiry,
  rejectElection,
} from './decide/elections';
import {
  approveApplication,
  holdFoundingCongress,
  rejectApplication,
  submitApplication,
} from './decide/founding';
import { mergeUnion } from './decide/merger';
import { moveUnion } from './decide/move';
import { registerUnion } from './decide/registration';
import { dissolveUnion, renameUnion } from './decide/union-life';
import { changeUnionType } from './decide/union-type';
import type { UnionCommand, UnionCommandUnderRules } from './union.commands';
import type { ActiveUnion, Union } from './union.state';

export type { Union } from './union.state';

export type UnionEvent =
  | UnionRegistered
  | UnionApplicationSubmitted
  | UnionApplicationApproved
  | UnionApplicationRejected
  | UnionEstablished
  | CommitteeElected
  | CommitteeElectionApproved
  | ElectionRejected
  | UnionTermExpired
  | UnionRenamed
  | UnionDissolved
  | UnionMerged
  | CadreAppointed
  | CadreRemoved
  | OrgUnitMoved
  | UnionTypeChanged
  | CommitteeTookOffice
  | CadreDetailsUpdated
  | ApprovalOverdue;

export const initialState = (): Union => ({ status: 'None' });

const evolveFounding = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
    case 'UnionApplicationSubmitted': {
      const { unionId, proposedName, parentId, orgPath, employerIds, submittedOn, unionType } =
        event.data;

      return {
        status: 'Applied',
        id: unionId,
        name: proposedName,
        parentId,
        orgPath,
        employerIds,
        submittedOn,
        ...(unionType ? { unionType } : {}),
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
    case 'ApprovalOverdue':
      return state.status === 'Applied' ? { ...state, answerOverdue: true } : state;
    default:
      return state;
  }
};

// 三亮: the cadres serving now, in the order appointed (an elected committee in its order).
const evolveCadres = (
  state: Union,
  event: CadreAppointed | CadreRemoved | CommitteeTookOffice | CadreDetailsUpdated,
): Union => {
  if (state.status !== 'Registered') return state;
  const cadres = state.cadres ?? [];
  switch (event.type) {
    case 'CadreRemoved':
      return { ...state, cadres: cadres.filter((cadre) => cadre.cadreId !== event.data.cadreId) };
    case 'CommitteeTookOffice': {
      const { electedOn, outgoingCadreIds } = event.data;
      const staying = cadres.filter((cadre) => !outgoingCadreIds.includes(cadre.cadreId));
      const elected = event.data.cadres.map((cadre) => ({ ...cadre, appointedOn: electedOn }));

      return {
        ...state,
        cadres: [...staying, ...elected],
        committeesSeated: (state.committeesSeated ?? 0) + 1,
      };
    }
    case 'CadreDetailsUpdated': {
      const { unionId: _unionId, cadreId, effectiveOn: _effectiveOn, ...details } = event.data;

      return {
        ...state,
        cadres: cadres.map((cadre) =>
          cadre.cadreId === cadreId ? { ...cadre, ...details } : cadre,
        ),
      };
    }
    default: {
      const { unionId: _unionId, ...cadre } = event.data;

      return { ...state, cadres: [...cadres, cadre] };
    }
  }
};

// Dissolution and merger end the union: it keeps only what is needed to say so.
const evolveEnd = (state: ActiveUnion, event: UnionDissolved | UnionMerged): Union => {
  const { id, name, orgPath } = state;

  return event.type === 'UnionDissolved'
    ? { status: 'Dissolved', id, name, orgPath, dissolvedOn: event.data.dissolvedOn }
    : {
        status: 'Merged',
        id,
        name,
        orgPath,
        mergedOn: event.data.mergedOn,
        intoUnionId: event.data.intoUnionId,
      };
};

const evolveActive = (state: Union, event: UnionEvent): Union => {
  if (state.status !== 'Registered') return state;
  switch (event.type) {
    case 'CommitteeElected': {
      const { heldOn, termYears, committee, offices } = event.data;

      return { ...state, pendingElection: { heldOn, termYears, committee, offices } };
    }
    case 'CommitteeElectionApproved':
      return {
        ...state,
        pendingElection: undefined,
        termEndsOn: event.data.termEndsOn,
        termExpired: false,
      };
    case 'ElectionRejected':
      return { ...state, pendingElection: undefined };
    case 'UnionTermExpired':
      return { ...state, termExpired: true };
    case 'ApprovalOverdue':
      return state.pendingElection
        ? { ...state, pendingElection: { ...state.pendingElection, answerOverdue: true } }
        : state;
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
    case 'UnionMerged':
      return evolveEnd(state, event);
    default:
      return state;
  }
};

export const evolve = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
    case 'UnionRegistered': {
      // The employers it covers are kept by employer_coverage, not by the union's state.
      const { unionId, name, parentId, orgPath, establishedOn, currentTerm, unionType } =
        event.data;

      return {
        status: 'Registered',
        id: unionId,
        name,
        parentId,
        orgPath,
        establishedOn,
        ...(currentTerm ? { termEndsOn: currentTerm.termEndsOn } : {}),
        ...(unionType ? { unionType } : {}),
      };
    }
    case 'UnionEstablished': {
      const { unionId, name, parentId, orgPath, establishedOn, termEndsOn, unionType } = event.data;

      return {
        status: 'Registered',
        id: unionId,
        name,
        parentId,
        orgPath,
        establishedOn,
        termEndsOn,
        ...(unionType ? { unionType } : {}),
      };
    }
    case 'UnionApplicationSubmitted':
    case 'UnionApplicationApproved':
    case 'UnionApplicationRejected':
      return evolveFounding(state, event);
    case 'ApprovalOverdue':
      return state.status === 'Applied' ? evolveFounding(state, event) : evolveActive(state, event);
    case 'CadreAppointed':
    case 'CadreRemoved':
    case 'CommitteeTookOffice':
    case 'CadreDetailsUpdated':
      return evolveCadres(state, event);
    case 'UnionTypeChanged':
      return state.status === 'Registered'
        ? { ...state, unionType: event.data.unionType, typeChangedOn: event.data.effectiveOn }
        : state;
    default:
      return evolveActive(state, event);
  }
};

export const decide = (
  command: UnionCommandUnderRules,
  state: Union,
): UnionEvent | UnionEvent[] => {
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
      return seatFoundingCommittee(holdFoundingCongress(command, state));
    case 'HoldElection':
      return holdElection(command, state);
    case 'ApproveElection':
      return seatReelectedCommittee(approveElection(command, state), state);
    case 'RejectElection':
      return rejectElection(command, state);
    case 'RecordTermExpiry':
      return recordTermExpiry(command, state);
    case 'RecordApprovalOverdue':
      return recordApprovalOverdue(command, state);
    case 'RenameUnion':
      return renameUnion(command, state);
    case 'DissolveUnion':
      return dissolveUnion(command, state);
    case 'MergeUnion':
      return mergeUnion(command, state);
    case 'AppointCadre':
      return appointCadre(command, state);
    case 'RemoveCadre':
      return removeCadre(command, state);
    case 'UpdateCadreDetails':
      return updateCadreDetails(command, state);
    case 'MoveUnion':
      return moveUnion(command, state);
    case 'ChangeUnionType':
      return changeUnionType(command, state);
    default:
      return unknownCommand(command);
  }
};

export const unionDecider: Decider<Union, UnionCommandUnderRules, UnionEvent> = {
  decide,
  evolve,
  initialState,
};

/** The union's decider under the rules in force for one command (read by the runner). */
export const unionDeciderUnder = (rules: RulesInForce): Decider<Union, UnionCommand, UnionEvent> =>
  decidingUnder(unionDecider, rules);
