import type {
  MemberJoined,
  MemberLeft,
  MemberPersonalDataErased,
  MembershipRetained,
  MemberTransferred,
} from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { unknownCommand } from '@taizhang/event-store';

import { erasePersonalData } from './decide/erase-personal-data.decider';
import { joinUnion } from './decide/join-union.decider';
import { leaveUnion } from './decide/leave-union.decider';
import { moveWithMerger } from './decide/move-with-merger.decider';
import { retainMembership } from './decide/retain-membership.decider';
import { retainWithDissolution } from './decide/retain-with-dissolution.decider';
import { transferMember } from './decide/transfer-member.decider';
import type { MemberCommand } from './member.commands';
import type { Enrolment, Member, Retention } from './member.state';

export type { Member } from './member.state';

export type MemberEvent =
  MemberJoined | MemberTransferred | MembershipRetained | MemberLeft | MemberPersonalDataErased;

export const initialState = (): Member => ({ status: 'None' });

const enrolmentOf = (state: Member): Enrolment | null => {
  if (state.status === 'None') return null;
  const { status: _status, ...rest } = state;
  const {
    retention: _retention,
    leftOn: _leftOn,
    leftReason: _leftReason,
    ...enrolment
  } = rest as Enrolment & Partial<{ retention: Retention; leftOn: string; leftReason: string }>;

  return enrolment;
};

const joined = (state: Member, { data }: MemberJoined): Member => ({
  status: 'Active',
  memberId: data.memberId,
  name: data.name,
  gender: data.gender,
  joinedOn: data.joinedOn,
  unionId: data.unionId,
  since: data.joinedOn,
  employerId: data.employerId,
  employmentForm: data.employmentForm,
  migrantWorker: data.migrantWorker,
  channel: data.channel,
  personalData: {
    keyId: data.idCardNumber?.keyId ?? null,
    erased: false,
    idCardNumber: data.idCardNumber,
    phone: data.phone,
    birthDate: data.birthDate,
  },
  history: [
    ...(enrolmentOf(state)?.history ?? []),
    { step: 'joined', on: data.joinedOn, unionId: data.unionId },
  ],
});

export const evolve = (state: Member, event: MemberEvent): Member => {
  if (event.type === 'MemberJoined') return joined(state, event);
  const enrolment = enrolmentOf(state);
  if (!enrolment) return state;
  switch (event.type) {
    case 'MemberTransferred': {
      const moved = {
        ...enrolment,
        unionId: event.data.toUnionId,
        since: event.data.transferredOn,
        history: [
          ...enrolment.history,
          {
            step: 'transferred',
            on: event.data.transferredOn,
            unionId: event.data.toUnionId,
            fromUnionId: event.data.fromUnionId,
          } as const,
        ],
      };
      const { retention } = event.data;

      // A retained membership moves with a merger and stays retained, held by the new union.
      return retention
        ? {
            ...moved,
            status: 'Retained',
            retention: { ...retention, heldBy: 'union', heldByOrgUnitId: event.data.toUnionId },
          }
        : { ...moved, status: 'Active' };
    }
    case 'MembershipRetained': {
      const { reason, heldBy, heldByOrgUnitId, since } = event.data;

      return {
        ...enrolment,
        status: 'Retained',
        retention: { reason, heldBy, heldByOrgUnitId, since },
        since,
        history: [
          ...enrolment.history,
          {
            step: 'retained',
            on: since,
            unionId: enrolment.unionId,
            reason,
            heldBy,
            heldByOrgUnitId,
          },
        ],
      };
    }
    case 'MemberLeft':
      return {
        ...enrolment,
        status: 'Left',
        leftOn: event.data.leftOn,
        leftReason: event.data.reason,
        since: event.data.leftOn,
        history: [
          ...enrolment.history,
          {
            step: 'left',
            on: event.data.leftOn,
            unionId: enrolment.unionId,
            reason: event.data.reason,
          },
        ],
      };
    case 'MemberPersonalDataErased':
      return state.status === 'None'
        ? state
        : { ...state, personalData: { ...state.personalData, erased: true } };
    default:
      return state;
  }
};

export const decide = (command: MemberCommand, state: Member): MemberEvent | MemberEvent[] => {
  switch (command.type) {
    case 'JoinUnion':
      return joinUnion(command, state);
    case 'TransferMember':
      return transferMember(command, state);
    case 'LeaveUnion':
      return leaveUnion(command, state);
    case 'RetainMembership':
      return retainMembership(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    case 'MoveWithMerger':
      return moveWithMerger(command, state);
    case 'RetainWithDissolution':
      return retainWithDissolution(command, state);
    default:
      return unknownCommand(command);
  }
};

export const memberDecider: Decider<Member, MemberCommand, MemberEvent> = {
  decide,
  evolve,
  initialState,
};
