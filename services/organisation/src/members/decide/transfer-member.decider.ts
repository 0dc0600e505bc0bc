import type { MemberTransferred } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { TransferMember } from '../member.commands';
import type { Member } from '../member.state';
import { enrolmentOf, notBeforeLastChange } from './member-rules.decider';

/**
 * 会员关系转接 in one event: the member leaves one union and enters the other at the same
 * instant, so there is no moment at which they count twice or not at all. A retained membership
 * is restored the same way, into the union of the new employer (the same union included).
 */
export const transferMember = (command: TransferMember, state: Member): MemberTransferred => {
  const member = enrolmentOf(state);
  const { toUnion, transferredOn } = command.data;
  if (member.status === 'Left')
    throw new IllegalStateError(
      'A member who left cannot be transferred; record a new join instead. / 已退会的会员不能转接，请重新办理入会。',
      'MEMBER_LEFT',
    );
  if (toUnion.status === 'Dissolved')
    throw new IllegalStateError(
      `The receiving union was dissolved on ${toUnion.dissolvedOn}. / 转入的工会已撤销。`,
      'TARGET_UNION_DISSOLVED',
    );
  if (toUnion.status === 'Merged')
    throw new IllegalStateError(
      `The receiving union was merged into another on ${toUnion.mergedOn}; transfer to that one. / 转入的工会已合并，请转入合并后的工会。`,
      'TARGET_UNION_MERGED',
      {},
      // The union it merged into may lie outside the caller's scope.
      { unitId: toUnion.intoUnionId, details: { intoUnionId: toUnion.intoUnionId } },
    );
  if (toUnion.status !== 'Registered')
    throw new IllegalStateError(
      'The receiving union does not exist. / 转入的工会不存在。',
      'TARGET_UNION_NOT_FOUND',
    );
  if (member.status === 'Active' && toUnion.id === member.unionId)
    throw new IllegalStateError(
      'The member already belongs to this union. / 会员已在该工会，无需转接。',
      'SAME_UNION',
    );
  notInFuture(transferredOn, command.metadata.now, 'transfer date', '转接日期');
  notBeforeLastChange(transferredOn, member, 'transfer date', '转接日期');
  if (transferredOn < toUnion.establishedOn)
    throw new IllegalStateError(
      `The receiving union was founded only on ${toUnion.establishedOn}. / 转接日期早于转入工会的成立日期。`,
      'TARGET_UNION_NOT_YET_FOUNDED',
    );

  return {
    type: 'MemberTransferred',
    data: {
      memberId: member.memberId,
      fromUnionId: member.unionId,
      toUnionId: toUnion.id,
      transferredOn,
      joinedOn: member.joinedOn,
      gender: member.gender,
      employmentForm: member.employmentForm,
      migrantWorker: member.migrantWorker,
    },
  };
};
