import { atOwnPath, scopedLoader } from '@taizhang/auth';
import { NotFoundError } from '@taizhang/event-store';

import type { Employer } from './employer.decider';
import { readEmployerAtCurrentPath } from './employer-current-path';

/**
 * An employer the caller may reach, by its path under its street as the tree has it now: 404
 * when the credit code was never registered or the employer lies outside the caller's subtree.
 */
export const loadEmployerInScope = scopedLoader({
  load: readEmployerAtCurrentPath,
  exists: (state: Employer): state is Exclude<Employer, { status: 'None' }> =>
    state.status !== 'None',
  unitOf: atOwnPath,
  notFound: (employerId) =>
    new NotFoundError(`Employer ${employerId} does not exist. / 单位不存在。`),
});
