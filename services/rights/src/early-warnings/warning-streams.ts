import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import type { WarningCommand } from './warning.commands';
import { warningDecider } from './warning.decider';
import type { EarlyWarning, RaisedWarning } from './warning.state';

export const warningStreamId = (warningId: string): string => `early-warning-${warningId}`;

export const readWarning = (store: PostgresEventStore, warningId: string) =>
  aggregateStream(store, warningStreamId(warningId), warningDecider);

/**
 * A warning the caller may reach, where the unit that raised it is now (a union or a
 * federation): 404 when absent or outside.
 */
export const loadWarningInScope = rightsRecordLoader({
  read: readWarning,
  exists: (state: EarlyWarning): state is RaisedWarning => state.status !== 'None',
  unionOf: (state: RaisedWarning) => state.orgUnitId,
  notFound: (id: string) =>
    new NotFoundError(`Early warning ${id} does not exist. / 该预警不存在。`),
});

export const runWarningCommand = (
  store: PostgresEventStore,
  warningId: string,
  command: WarningCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: warningStreamId(warningId),
    streamType: 'early-warning',
    decider: warningDecider,
    command,
    id: warningId,
    ...options,
  });
