import type { MembershipRetained } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';

import type { RetainWithDissolution } from '../member.commands';
import type { Member } from '../member.state';

/**
 * A member of a union that is dissolved keeps the membership, held by the federation one level up
 * (会籍管理办法): an active member from the dissolution date (reason `union_dissolved`), a
 * membership the union held itself with its own reason. Someone no longer in that union, or whose
 * membership the federation holds already, stays as they are: nothing is recorded, so that
 * running it again changes nothing.
 */
export const retainWithDissolution = (
  command: RetainWithDissolution,
  state: Member,
): MembershipRetained[] => {
  const { unionId, federationId, dissolvedOn } = command.data;
  if (state.status === 'None' || state.status === 'Left' || state.unionId !== unionId) return [];
  if (state.status === 'Retained' && state.retention.heldBy === 'federation') return [];
  if (dissolvedOn < state.since)
    throw new IllegalStateError(
      `A member's membership changed on ${state.since}, after the dissolution date ${dissolvedOn}; date the dissolution later. / 有会员的会籍变动晚于撤销日期，请调整撤销日期。`,
      'MEMBER_CHANGED_AFTER_DISSOLUTION',
      { memberId: state.memberId, since: state.since },
    );

  return [
    {
      type: 'MembershipRetained',
      data: {
        memberId: state.memberId,
        unionId,
        reason: state.status === 'Retained' ? state.retention.reason : 'union_dissolved',
        heldBy: 'federation',
        heldByOrgUnitId: federationId,
        since: dissolvedOn,
      },
    },
  ];
};
