import { assertInScope } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { Caller, ScopeOptions } from '../org-units/org-unit-scope';
import type { Union } from './union.decider';
import { readUnionAtCurrentPath } from './union-current-path';

/**
 * A union (or founding application) the caller may reach, by the path its own stream holds: 404
 * when nothing was recorded under the id or it lies outside the caller's subtree.
 */
export const loadUnionInScope = async (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  {
    notFound = `Union ${unionId} does not exist. / 工会不存在。`,
    ...options
  }: ScopeOptions & { notFound?: string } = {},
): Promise<{ state: Exclude<Union, { status: 'None' }>; version: number }> => {
  const { state, version } = await readUnionAtCurrentPath(store, unionId);
  const error = () => new NotFoundError(notFound);
  if (state.status === 'None') throw error();
  assertInScope(user, state.orgPath, { ...options, notFound: error });

  return { state, version };
};

/** A union that exists as an org unit now or did (a founding application is not one yet). */
export const loadEstablishedUnionInScope = async (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  options: ScopeOptions = {},
): Promise<{
  state: Exclude<Union, { status: 'None' | 'Applied' | 'Approved' | 'Rejected' }>;
  version: number;
}> => {
  const { state, version } = await loadUnionInScope(store, user, unionId, options);
  if (state.status !== 'Registered' && state.status !== 'Dissolved' && state.status !== 'Merged')
    throw new NotFoundError(`Union ${unionId} does not exist. / 工会不存在。`);

  return { state, version };
};
