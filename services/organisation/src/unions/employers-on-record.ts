import type { Caller } from '@taizhang/auth';
import { canReach } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';

import { readEmployerAtCurrentPath } from '../employers';
import type { EmployerOnRecord } from './union.commands';

/**
 * What the registry says of each employer an application names (each its own stream), at the
 * path its street has now. An employer outside the caller's subtree is read as unknown, so that
 * the refusal (not registered) tells nothing of it, not even that it is closed or where it is.
 */
export const readEmployersOnRecord = (
  store: PostgresEventStore,
  user: Caller,
  employerIds: readonly string[],
): Promise<EmployerOnRecord[]> =>
  Promise.all(
    employerIds.map(async (id) => {
      const { state } = await readEmployerAtCurrentPath(store, id);

      return state.status === 'None' || !canReach(user, state.orgPath)
        ? { id, status: 'None' as const, orgPath: null }
        : { id, status: state.status, orgPath: state.orgPath };
    }),
  );
