import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import { unionPathNow } from '../shared/union-on-record';
import type { DisputeCommand } from './dispute.commands';
import { disputeDecider } from './dispute.decider';
import type { Dispute, RecordedDispute } from './dispute.state';

export const disputeStreamId = (disputeId: string): string => `dispute-${disputeId}`;

export const readDispute = (store: PostgresEventStore, disputeId: string) =>
  aggregateStream(store, disputeStreamId(disputeId), disputeDecider);

const disputeNotFound = (id: string) =>
  new NotFoundError(`Dispute ${id} does not exist. / 该劳动争议不存在。`);

/** A dispute the caller may reach, where its union is now: 404 when absent or outside. */
export const loadDisputeInScope = rightsRecordLoader({
  read: readDispute,
  exists: (state: Dispute): state is RecordedDispute => state.status !== 'None',
  unionOf: (state: RecordedDispute) => state.unionId,
  notFound: disputeNotFound,
});

/** One command on a dispute's stream, its events concerning the union at `unit`. */
export const runDisputeCommand = (
  store: PostgresEventStore,
  disputeId: string,
  command: DisputeCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: disputeStreamId(disputeId),
    streamType: 'dispute',
    decider: disputeDecider,
    command,
    id: disputeId,
    ...options,
  });

/** A command on a dispute found by its id alone (the clock's): its union where it is now. */
export const runDisputeCommandById = async (
  store: PostgresEventStore,
  disputeId: string,
  command: DisputeCommand,
): Promise<CommandResult> => {
  const { state } = await readDispute(store, disputeId);
  if (state.status === 'None') throw disputeNotFound(disputeId);
  const path = await unionPathNow(store, state.unionId);
  if (path === null) throw disputeNotFound(disputeId);

  return runDisputeCommand(store, disputeId, command, { unit: { id: state.unionId, path } });
};
