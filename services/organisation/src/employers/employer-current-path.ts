import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import { atCurrentPath, orgTreeOf } from '../org-units';
import type { Employer } from './employer.decider';
import { employerDecider } from './employer.decider';
import { employerStreamId } from './employer-streams';

/**
 * The employer's stream folded, at the path its street has now: the stream records the path of
 * its registration, and a street moved to another district since takes its employers with it.
 */
export const readEmployerAtCurrentPath = async (
  store: PostgresEventStore,
  employerId: string,
): Promise<{ state: Employer; version: number }> => {
  const { state, version } = await aggregateStream(
    store,
    employerStreamId(employerId),
    employerDecider,
  );
  if (state.status === 'None') return { state, version };

  return { state: await atCurrentPath(orgTreeOf(store.pool), state.employerId, state), version };
};
