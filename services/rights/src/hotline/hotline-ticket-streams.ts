import type { Caller, ScopeOptions } from '@taizhang/auth';
import { scopedLoader } from '@taizhang/auth';
import type { OrgUnitNow } from '@taizhang/directory';
import { whereIsUnit } from '@taizhang/directory';
import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import { unionPathNow } from '../shared/union-on-record';
import type { HotlineTicketCommand, UnitOnRecord } from './hotline-ticket.commands';
import { hotlineTicketDecider } from './hotline-ticket.decider';
import type { HotlineTicket, RecordedHotlineTicket } from './hotline-ticket.state';

export const hotlineTicketStreamId = (ticketId: string): string => `hotline-ticket-${ticketId}`;

export const readHotlineTicket = (store: PostgresEventStore, ticketId: string) =>
  aggregateStream(store, hotlineTicketStreamId(ticketId), hotlineTicketDecider);

const ticketNotFound = (id: string) =>
  new NotFoundError(`Hotline ticket ${id} does not exist. / 该热线工单不存在。`);

/** A ticket the caller may reach, where its holder is now: 404 when absent or outside. */
export const loadHotlineTicketInScope = rightsRecordLoader({
  read: readHotlineTicket,
  exists: (state: HotlineTicket): state is RecordedHotlineTicket => state.status !== 'None',
  unionOf: (state: RecordedHotlineTicket) => state.orgUnitId,
  notFound: ticketNotFound,
});

const unitNotFound = (id: string) =>
  new NotFoundError(`Org unit ${id} does not exist. / 组织不存在。`);

// Any unit of the tree (a federation or a union) the caller may reach: 404 unknown or outside.
const unitInScope = scopedLoader({
  load: async (store: PostgresEventStore, id: string) => ({
    state: await whereIsUnit(store.pool, id),
    version: 0,
  }),
  exists: (unit: OrgUnitNow | null): unit is OrgUnitNow => unit !== null,
  unitOf: (unit: OrgUnitNow, id: string) => ({ id, path: unit.orgPath }),
  notFound: unitNotFound,
});

/** A unit receiving or handling a ticket, in the caller's scope, as a decider sees it. */
export const loadUnitInScope = async (
  store: PostgresEventStore,
  user: Caller,
  id: string,
  options: ScopeOptions = {},
): Promise<{ unit: OrgUnitRef; onRecord: UnitOnRecord }> => {
  const { state, unit } = await unitInScope(store, user, id, options);

  return { unit, onRecord: { id, kind: state.kind, path: state.orgPath, ended: state.ended } };
};

/** One command on a ticket's stream, its events concerning the unit at `unit`. */
export const runHotlineTicketCommand = (
  store: PostgresEventStore,
  ticketId: string,
  command: HotlineTicketCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: hotlineTicketStreamId(ticketId),
    streamType: 'hotline-ticket',
    decider: hotlineTicketDecider,
    command,
    id: ticketId,
    ...options,
  });

/** A command on a ticket found by its id alone (the clock's): its holder where it is now. */
export const runHotlineTicketCommandById = async (
  store: PostgresEventStore,
  ticketId: string,
  command: HotlineTicketCommand,
): Promise<CommandResult> => {
  const { state } = await readHotlineTicket(store, ticketId);
  if (state.status === 'None') throw ticketNotFound(ticketId);
  const path = await unionPathNow(store, state.orgUnitId);
  if (path === null) throw ticketNotFound(ticketId);

  return runHotlineTicketCommand(store, ticketId, command, {
    unit: { id: state.orgUnitId, path },
  });
};
