import type { Caller } from '@taizhang/auth';
import { canReach, scopedLoader } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import type { Union } from '../unions';
import { readUnionAtCurrentPath } from '../unions';
import type { Member } from './member.decider';
import { memberDecider } from './member.decider';
import { memberStreamId } from './member-streams';
import { memberUnit } from './member-units';

export type Enrolled = Exclude<Member, { status: 'None' }>;

/**
 * A member the caller may reach: the unit their records concern now (`memberUnit`: the union,
 * or the federation holding a retained membership) must lie in the caller's subtree; 404
 * otherwise, as for an id never seen.
 */
export const loadMemberInScope = scopedLoader({
  load: (store: PostgresEventStore, memberId) =>
    aggregateStream(store, memberStreamId(memberId), memberDecider),
  exists: (state): state is Enrolled => state.status !== 'None',
  unitOf: (state, _memberId, store) => memberUnit(store, state),
  notFound: (memberId) => new NotFoundError(`Member ${memberId} does not exist. / 会员不存在。`),
});

/**
 * A union a command sends someone to (a transfer's receiving union), or `None` when it does not
 * exist OR lies outside the caller's subtree: the decider then answers as for an unknown union.
 */
export const readUnionInScope = async (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
): Promise<{ state: Union; version: number }> => {
  const union = await readUnionAtCurrentPath(store, unionId);

  return 'orgPath' in union.state && canReach(user, union.state.orgPath)
    ? union
    : { state: { status: 'None' }, version: 0 };
};
