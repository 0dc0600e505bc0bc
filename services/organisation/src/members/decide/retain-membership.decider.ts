import type { MembershipRetained } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { RetainMembership } from '../member.commands';
import type { Enrolment, Member } from '../member.state';
import { enrolmentOf, notBeforeLastChange, parentIdOf } from './member-rules.decider';

const refuseUnlessActive = (member: Exclude<Member, { status: 'None' }>): void => {
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
};

/** The unit that will hold the membership: the union itself, or the federation above it. */
const holderOf = ({ data }: RetainMembership, member: Enrolment): string => {
  const { union, heldBy, federation } = data;
  // The controller reads the member's union just before; a different one means a race.
  if (
    (union.status !== 'Registered' && union.status !== 'Dissolved') ||
    union.id !== member.unionId
  )
    throw new IllegalStateError(
      'The member’s union changed while this request was handled; send it again. / 会员所在工会刚发生变化，请重新提交。',
      'MEMBER_UNION_CHANGED',
    );
  if (heldBy === 'union') {
    if (union.status === 'Dissolved')
      throw new IllegalStateError(
        'A dissolved union holds no memberships: let the federation above it hold this one. / 工会已撤销，应由上级工会保留会籍。',
        'UNION_DISSOLVED',
      );

    return union.id;
  }
  const parentId = parentIdOf(union);
  if (!parentId || federation?.id !== parentId)
    throw new IllegalStateError(
      'The federation above the union does not exist. / 上级工会不存在。',
      'FEDERATION_NOT_FOUND',
    );

  return parentId;
};

/**
 * 保留会籍 (会籍管理办法): a retiree, an unemployed member, or a member whose employer closed keeps
 * the membership, held by their union or by the federation one level up (the only choice once
 * the union is dissolved).
 */
export const retainMembership = (command: RetainMembership, state: Member): MembershipRetained => {
  const member = enrolmentOf(state);
  refuseUnlessActive(member);
  const heldByOrgUnitId = holderOf(command, member);
  const { reason, heldBy, since } = command.data;
  notInFuture(since, command.metadata.now, 'retention date', '保留会籍日期');
  notBeforeLastChange(since, member, 'retention date', '保留会籍日期');

  return {
    type: 'MembershipRetained',
    data: {
      memberId: member.memberId,
      unionId: member.unionId,
      reason,
      heldBy,
      heldByOrgUnitId,
      since,
    },
  };
};
