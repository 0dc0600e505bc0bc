import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import { employerDecider } from '../employers/employer.decider';
import { employerStreamId } from '../employers/employer-streams';
import type { EmployerOnRecord } from '../unions/union.commands';

/** What the registry says of each employer an application names (each its own stream). */
export const readEmployersOnRecord = (
  store: PostgresEventStore,
  employerIds: readonly string[],
): Promise<EmployerOnRecord[]> =>
  Promise.all(
    employerIds.map(async (id) => {
      const { state } = await aggregateStream(store, employerStreamId(id), employerDecider);

      return state.status === 'None'
        ? { id, status: 'None' as const, orgPath: null }
        : { id, status: state.status, orgPath: state.orgPath };
    }),
  );
