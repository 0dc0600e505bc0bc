import type { MemberJoined } from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import { businessDate } from '../shared/business-date';
import type { JoinUnion, MemberCommand } from './member.commands';

/** A union member (会员). */
export type Member =
  | { status: 'None' }
  | {
      status: 'Active';
      memberId: string;
      unionId: string;
      name: string;
      gender: 'female' | 'male';
      joinedOn: string;
    };

export type MemberEvent = MemberJoined;

export const initialState = (): Member => ({ status: 'None' });

export const evolve = (state: Member, event: MemberEvent): Member => {
  switch (event.type) {
    case 'MemberJoined':
      return { status: 'Active', ...event.data };
    default:
      return state;
  }
};

export const joinUnion = (command: JoinUnion, state: Member): MemberJoined => {
  const { memberId, name, gender, joinedOn, union } = command.data;
  if (union.status !== 'Registered')
    throw new NotFoundError('The union does not exist. / 工会不存在。');
  if (state.status !== 'None')
    throw new IllegalStateError(`Member ${memberId} already exists.`, 'MEMBER_EXISTS');
  if (joinedOn > businessDate(command.metadata.now))
    throw new IllegalStateError(
      `The join date ${joinedOn} is in the future. / 入会日期不能晚于今天。`,
      'DATE_IN_FUTURE',
    );
  if (joinedOn < union.establishedOn)
    throw new IllegalStateError(
      `The join date ${joinedOn} is before the union was founded (${union.establishedOn}). / 入会日期早于工会成立日期。`,
      'JOINED_BEFORE_FOUNDING',
    );

  return { type: 'MemberJoined', data: { memberId, unionId: union.id, name, gender, joinedOn } };
};

export const decide = (command: MemberCommand, state: Member): MemberEvent => {
  switch (command.type) {
    case 'JoinUnion':
      return joinUnion(command, state);
  }
};

export const memberDecider: Decider<Member, MemberCommand, MemberEvent> = {
  decide,
  evolve,
  initialState,
};
