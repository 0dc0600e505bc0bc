import type { Command } from '@taizhang/event-store';

import type { Union } from '../unions/union.decider';

export type JoinUnion = Command<
  'JoinUnion',
  {
    memberId: string;
    name: string;
    gender: 'female' | 'male';
    joinedOn: string;
    /** The union as its own stream says, read just before deciding. */
    union: Union;
  }
>;

export type MemberCommand = JoinUnion;
