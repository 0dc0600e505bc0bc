import { IllegalStateError } from '@taizhang/event-store';

import type { ActiveUnion, Union } from '../union.state';

/** The union as an active org unit; a dissolved or merged one records nothing more. */
export const requireActive = (state: Union): ActiveUnion => {
  if (state.status === 'Registered') return state;
  if (state.status === 'Dissolved')
    throw new IllegalStateError(
      `The union was dissolved on ${state.dissolvedOn}; nothing more can be recorded for it. / 该工会已撤销,不能再登记。`,
      'UNION_DISSOLVED',
    );
  if (state.status === 'Merged')
    throw new IllegalStateError(
      `The union was merged into another on ${state.mergedOn}; nothing more can be recorded for it. / 该工会已合并，不能再登记。`,
      'UNION_MERGED',
      {},
      // The union it merged into may lie outside the caller's scope.
      { unitId: state.intoUnionId, details: { intoUnionId: state.intoUnionId } },
    );
  throw new IllegalStateError(
    `The union is not established (it is ${state.status}). / 该工会尚未成立。`,
    'UNION_NOT_ESTABLISHED',
    { status: state.status },
  );
};

/** A change to the union on `date` (its `verb`, `dateZh` in Chinese) is refused before its founding. */
export const notBeforeFounding = (
  union: ActiveUnion,
  date: string,
  verb: string,
  dateZh: string,
  code: string,
): void => {
  if (date < union.establishedOn)
    throw new IllegalStateError(
      `A union cannot be ${verb} before it was founded (${union.establishedOn}). / ${dateZh}早于成立日期。`,
      code,
    );
};
