import { assertInScope, canReach } from '@taizhang/auth';
import type { OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import type { Caller, ScopeOptions } from '../org-units/org-unit-scope';
import type { Union } from '../unions/union.decider';
import { readUnionAtCurrentPath } from '../unions/union-current-path';
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
export const loadMemberInScope = async (
  store: PostgresEventStore,
  user: Caller,
  memberId: string,
  options: ScopeOptions = {},
): Promise<{ state: Enrolled; version: number; unit: OrgUnitRef }> => {
  const { state, version } = await aggregateStream(store, memberStreamId(memberId), memberDecider);
  const notFound = () => new NotFoundError(`Member ${memberId} does not exist. / 会员不存在。`);
  if (state.status === 'None') throw notFound();
  const unit = await memberUnit(store, state);
  assertInScope(user, unit.path, { ...options, notFound });

  return { state, version, unit };
};

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
