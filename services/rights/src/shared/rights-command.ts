import type { ScopeOptions } from '@taizhang/auth';
import { scopedLoader } from '@taizhang/auth';
import { businessDate } from '@taizhang/domain';
import type {
  Command,
  CommandResult,
  Decider,
  DomainEvent,
  OrgUnitRef,
  PostgresEventStore,
} from '@taizhang/event-store';
import { handleCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { decidingUnder, readRulesInForce } from '@taizhang/rules';

import { unionPathNow } from './union-on-record';

export interface RightsCommandOptions<
  TState,
  TCommand extends Command,
  TEvent extends DomainEvent,
> {
  streamId: string;
  streamType: string;
  decider: Decider<TState, UnderRules<TCommand>, TEvent>;
  command: TCommand;
  /** The union the record belongs to, at its current path: its events concern it. */
  unit: OrgUnitRef;
  expectedVersion?: number | undefined;
  id?: string;
  fingerprint?: unknown;
}

/**
 * One command on a rights record (a dispute, a congress, a request to negotiate), decided under
 * the rules in force on its business date for the union's region (DESIGN §9), in one transaction.
 */
export const runRightsCommand = async <
  TState,
  TCommand extends Command,
  TEvent extends DomainEvent,
>(
  store: PostgresEventStore,
  options: RightsCommandOptions<TState, TCommand, TEvent>,
): Promise<CommandResult> => {
  const { command, unit } = options;
  const { occurredAt, now } = command.metadata;
  const rules = await readRulesInForce(store, unit.path, businessDate(occurredAt ?? now));

  return handleCommand(store, {
    streamId: options.streamId,
    streamType: options.streamType,
    decider: decidingUnder(options.decider, rules),
    command,
    expectedVersion: options.expectedVersion,
    orgUnit: unit,
    id: options.id,
    fingerprint: options.fingerprint,
  });
};

/** A kind of rights record: how it is read, when it exists, the union it belongs to, its 404. */
export interface RightsRecordKind<TState, TFound extends TState> {
  read: (store: PostgresEventStore, id: string) => Promise<{ state: TState; version: number }>;
  exists: (state: TState) => state is TFound;
  unionOf: (state: TFound) => string;
  notFound: (id: string) => Error;
}

/**
 * `(store, user, id, options?)` → the record in the caller's scope, placed where its union is
 * now in the org tree (a union moved to another street takes its records along): 404 when absent
 * or outside the scope.
 */
export const rightsRecordLoader = <TState, TFound extends TState>(
  kind: RightsRecordKind<TState, TFound>,
) =>
  scopedLoader({
    load: kind.read,
    exists: kind.exists,
    unitOf: async (state: TFound, id: string, store: PostgresEventStore): Promise<OrgUnitRef> => {
      const unionId = kind.unionOf(state);
      const path = await unionPathNow(store, unionId);
      if (path === null) throw kind.notFound(id);

      return { id: unionId, path };
    },
    notFound: kind.notFound,
  });

export type { ScopeOptions };
