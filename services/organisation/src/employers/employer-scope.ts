import type { Caller, ScopeOptions } from '@taizhang/auth';
import { loadInScope } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { Employer } from './employer.decider';
import { readEmployerAtCurrentPath } from './employer-current-path';

/**
 * An employer the caller may reach, by its path under its street as the tree has it now: 404
 * when the credit code was never registered or the employer lies outside the caller's subtree.
 */
export const loadEmployerInScope = (
  store: PostgresEventStore,
  user: Caller,
  employerId: string,
  options: ScopeOptions = {},
) =>
  loadInScope(
    user,
    {
      load: () => readEmployerAtCurrentPath(store, employerId),
      exists: (state): state is Exclude<Employer, { status: 'None' }> => state.status !== 'None',
      unitOf: (state) => ({ id: employerId, path: state.orgPath }),
      notFound: () => new NotFoundError(`Employer ${employerId} does not exist. / 单位不存在。`),
    },
    options,
  );
