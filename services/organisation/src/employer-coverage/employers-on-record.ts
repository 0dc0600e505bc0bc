import type { PostgresEventStore } from '@taizhang/event-store';

import { readEmployerAtCurrentPath } from '../employers/employer-current-path';
import type { EmployerOnRecord } from '../unions/union.commands';

/**
 * What the registry says of each employer an application names (each its own stream), at the
 * path its street has now.
 */
export const readEmployersOnRecord = (
  store: PostgresEventStore,
  employerIds: readonly string[],
): Promise<EmployerOnRecord[]> =>
  Promise.all(
    employerIds.map(async (id) => {
      const { state } = await readEmployerAtCurrentPath(store, id);

      return state.status === 'None'
        ? { id, status: 'None' as const, orgPath: null }
        : { id, status: state.status, orgPath: state.orgPath };
    }),
  );
