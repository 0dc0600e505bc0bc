import type { MemberPlacedInBranch } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { PlaceMemberInBranch } from '../member.commands';
import type { Member } from '../member.state';
import { branchNotFound, enrolmentOf, notBeforeLastChange } from './member-rules.decider';

/**
 * 分工会/工会小组: an active member is placed in a branch unit of their union (or taken out of
 * any) from a date; the date is a change of the membership like any other, never before the last.
 */
export const placeInBranch = (
  command: PlaceMemberInBranch,
  state: Member,
): MemberPlacedInBranch => {
  const member = enrolmentOf(state);
  const { branch, placedOn } = command.data;
  if (member.status !== 'Active')
    throw new IllegalStateError(
      'Only an active member is placed in a branch union or union group. / 只有在会会员才能编入分工会或工会小组。',
      'MEMBER_NOT_ACTIVE',
      { status: member.status },
    );
  if (branch && !branch.found) throw branchNotFound();
  const branchId = branch?.branchId ?? null;
  const previousBranchId = member.branchId ?? null;
  if (branchId === previousBranchId)
    throw new IllegalStateError(
      branchId
        ? 'The member is already in this unit. / 会员已在该分工会或工会小组。'
        : 'The member is in no branch union or union group. / 会员未编入任何分工会或工会小组。',
      'SAME_BRANCH',
    );
  notInFuture(placedOn, command.metadata.now, 'placement date', '编入日期');
  notBeforeLastChange(placedOn, member, 'placement date', '编入日期');

  return {
    type: 'MemberPlacedInBranch',
    data: {
      memberId: member.memberId,
      unionId: member.unionId,
      branchId,
      previousBranchId,
      placedOn,
    },
  };
};
