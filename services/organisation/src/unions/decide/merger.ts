import type { UnionMerged } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { MergeUnion } from '../union.commands';
import type { ActiveUnion, Union } from '../union.state';
import { notBeforeFounding, requireActive } from './union-dates';

/**
 * The union that takes the members over: it exists, is neither dissolved nor merged itself, and
 * was already founded on the merger date. Also asked again once its stream is locked.
 */
export const checkReceivingUnion = (intoUnion: Union, mergedOn: string): ActiveUnion => {
  if (intoUnion.status === 'Dissolved')
    throw new IllegalStateError(
      `The receiving union was dissolved on ${intoUnion.dissolvedOn}. / 并入的工会已撤销。`,
      'TARGET_UNION_DISSOLVED',
    );
  if (intoUnion.status === 'Merged')
    throw new IllegalStateError(
      `The receiving union was itself merged on ${intoUnion.mergedOn}. / 并入的工会已合并到其他工会。`,
      'TARGET_UNION_MERGED',
      {},
      // The union it merged into may lie outside the caller's scope.
      { unitId: intoUnion.intoUnionId, details: { intoUnionId: intoUnion.intoUnionId } },
    );
  if (intoUnion.status !== 'Registered')
    throw new IllegalStateError(
      'The receiving union does not exist. / 并入的工会不存在。',
      'TARGET_UNION_NOT_FOUND',
    );
  if (mergedOn < intoUnion.establishedOn)
    throw new IllegalStateError(
      `The receiving union was founded only on ${intoUnion.establishedOn}. / 合并日期早于并入工会的成立日期。`,
      'TARGET_UNION_NOT_YET_FOUNDED',
    );

  return intoUnion;
};

/**
 * 合并: the union ends by joining another; it records nothing more afterwards. Its members move
 * with it, each by a transfer in their own stream (see `unions/merger/`).
 */
export const mergeUnion = (command: MergeUnion, state: Union): UnionMerged => {
  const union = requireActive(state);
  const { intoUnion, mergedOn, reason } = command.data;
  if (intoUnion.status !== 'None' && intoUnion.id === union.id)
    throw new IllegalStateError(
      'A union cannot be merged into itself. / 不能合并到本工会。',
      'SAME_UNION',
    );
  notInFuture(mergedOn, command.metadata.now, 'merger date', '合并日期');
  notBeforeFounding(union, mergedOn, 'merged', '合并日期', 'MERGED_BEFORE_FOUNDING');
  const into = checkReceivingUnion(intoUnion, mergedOn);

  return {
    type: 'UnionMerged',
    data: { unionId: union.id, intoUnionId: into.id, mergedOn, reason },
  };
};
