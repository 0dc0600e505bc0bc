import type { MemberLeft } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { LeaveUnion } from '../member.commands';
import type { Member } from '../member.state';
import { enrolmentOf, notBeforeLastChange } from './member-rules.decider';

/** 退会: an active or a retained membership ends, with the reason as recorded. */
export const leaveUnion = (command: LeaveUnion, state: Member): MemberLeft => {
  const member = enrolmentOf(state);
  const { reason, leftOn } = command.data;
  if (member.status === 'Left')
    throw new IllegalStateError(
      `The member already left on ${member.leftOn}. / 该会员已退会。`,
      'ALREADY_LEFT',
    );
  notInFuture(leftOn, command.metadata.now, 'leaving date', '退会日期');
  notBeforeLastChange(leftOn, member, 'leaving date', '退会日期');

  return {
    type: 'MemberLeft',
    data: { memberId: member.memberId, unionId: member.unionId, reason, leftOn },
  };
};
