import type { MemberTransferred } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';

import type { MoveWithMerger } from '../member.commands';
import type { Member } from '../member.state';

/**
 * A member of a union that merges moves to the receiving union with it (合并), keeping the join
 * date, the history and a retained membership held by the union (still retained, now held by the
 * receiving union). Someone no longer in that union, or whose membership the federation holds,
 * stays where they are: nothing is recorded, so that running it again changes nothing.
 */
export const moveWithMerger = (command: MoveWithMerger, state: Member): MemberTransferred[] => {
  const { fromUnionId, toUnionId, mergedOn } = command.data;
  if (state.status === 'None' || state.status === 'Left' || state.unionId !== fromUnionId)
    return [];
  if (state.status === 'Retained' && state.retention.heldBy === 'federation') return [];
  if (mergedOn < state.since)
    throw new IllegalStateError(
      `A member's membership changed on ${state.since}, after the merger date ${mergedOn}; date the merger later. / 有会员的会籍变动晚于合并日期，请调整合并日期。`,
      'MEMBER_CHANGED_AFTER_MERGER',
      { memberId: state.memberId, since: state.since },
    );

  return [
    {
      type: 'MemberTransferred',
      data: {
        memberId: state.memberId,
        fromUnionId,
        toUnionId,
        transferredOn: mergedOn,
        joinedOn: state.joinedOn,
        gender: state.gender,
        employmentForm: state.employmentForm,
        migrantWorker: state.migrantWorker,
        cause: 'merger',
        ...(state.status === 'Retained'
          ? { retention: { reason: state.retention.reason, since: state.retention.since } }
          : {}),
      },
    },
  ];
};
