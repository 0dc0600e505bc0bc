import { assertInScope } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { Caller, ScopeOptions } from '../org-units/org-unit-scope';
import type { Employer } from './employer.decider';
import { readEmployerAtCurrentPath } from './employer-current-path';

/**
 * An employer the caller may reach, by its path under its street as the tree has it now: 404
 * when the credit code was never registered or the employer lies outside the caller's subtree.
 */
export const loadEmployerInScope = async (
  store: PostgresEventStore,
  user: Caller,
  employerId: string,
  options: ScopeOptions = {},
): Promise<{ state: Exclude<Employer, { status: 'None' }>; version: number }> => {
  const { state, version } = await readEmployerAtCurrentPath(store, employerId);
  const notFound = () => new NotFoundError(`Employer ${employerId} does not exist. / 单位不存在。`);
  if (state.status === 'None') throw notFound();
  assertInScope(user, state.orgPath, { ...options, notFound });

  return { state, version };
};
