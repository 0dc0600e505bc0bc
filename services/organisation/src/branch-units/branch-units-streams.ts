import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import type { BranchUnit } from './branch-units.decider';
import { branchUnitsDecider } from './branch-units.decider';

export const branchUnitsStreamId = (unionId: string): string => `union-branches-${unionId}`;

/** The branch unions and union groups of a union, in the order set up, with the stream's version. */
export const readBranchUnits = async (
  store: PostgresEventStore,
  unionId: string,
): Promise<{ branches: BranchUnit[]; version: number }> => {
  const { state, version } = await aggregateStream(
    store,
    branchUnitsStreamId(unionId),
    branchUnitsDecider,
  );

  return { branches: state.branches, version };
};
