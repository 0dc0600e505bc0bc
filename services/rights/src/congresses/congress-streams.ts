import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import type { CongressCommand } from './congress.commands';
import { congressDecider } from './congress.decider';
import type { Congress, HeldCongress } from './congress.state';

export const congressStreamId = (congressId: string): string => `congress-${congressId}`;

export const readCongress = (store: PostgresEventStore, congressId: string) =>
  aggregateStream(store, congressStreamId(congressId), congressDecider);

/** A session the caller may reach, where its union is now: 404 when absent or outside. */
export const loadCongressInScope = rightsRecordLoader({
  read: readCongress,
  exists: (state: Congress): state is HeldCongress => state.status !== 'None',
  unionOf: (state: HeldCongress) => state.unionId,
  notFound: (id: string) =>
    new NotFoundError(`Congress session ${id} does not exist. / 该次职代会不存在。`),
});

export const runCongressCommand = (
  store: PostgresEventStore,
  congressId: string,
  command: CongressCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: congressStreamId(congressId),
    streamType: 'congress',
    decider: congressDecider,
    command,
    id: congressId,
    ...options,
  });
