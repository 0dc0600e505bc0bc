import type { MembershipRetained } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';

import type { RetainMembership } from '../member.commands';
import type { Member } from '../member.decider';
import { enrolmentOf, notBeforeLastChange, notInFuture } from './member-rules.decider';

/**
 * 保留会籍 (会籍管理办法): a retiree, an unemployed member, or a member whose employer closed keeps
 * the membership, held by their union or by the federation one level up.
 */
export const retainMembership = (command: RetainMembership, state: Member): MembershipRetained => {
  const member = enrolmentOf(state);
  const { reason, heldBy, since, union, federation } = command.data;
  if (member.status === 'Left')
    throw new IllegalStateError(
      'A member who left has no membership to retain. / 已退会的会员不能保留会籍。',
      'MEMBER_LEFT',
    );
  if (member.status === 'Retained')
    throw new IllegalStateError(
      'The membership is already retained. / 该会员已保留会籍。',
      'ALREADY_RETAINED',
    );
  // The controller reads the member's union just before; a different one means a race.
  if (union.status !== 'Registered' || union.id !== member.unionId)
    throw new IllegalStateError(
      'The member’s union changed while this request was handled; send it again. / 会员所在工会刚发生变化，请重新提交。',
      'MEMBER_UNION_CHANGED',
    );
  if (heldBy === 'federation' && federation?.id !== union.parentId)
    throw new IllegalStateError(
      'The federation above the union does not exist. / 上级工会不存在。',
      'FEDERATION_NOT_FOUND',
    );
  notInFuture(since, command.metadata.now, 'retention date', '保留会籍日期');
  notBeforeLastChange(since, member, 'retention date', '保留会籍日期');

  return {
    type: 'MembershipRetained',
    data: {
      memberId: member.memberId,
      unionId: member.unionId,
      reason,
      heldBy,
      heldByOrgUnitId: heldBy === 'union' ? union.id : union.parentId,
      since,
    },
  };
};
