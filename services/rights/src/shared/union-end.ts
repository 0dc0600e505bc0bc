import type { PoolClient } from 'pg';

import type {
  CommandMetadata,
  Decider,
  DomainEvent,
  OrgUnitRef,
  PostgresEventStore,
} from '@taizhang/event-store';
import {
  decideOn,
  EventStoreTransaction,
  IllegalStateError,
  streamsWithEventsAt,
} from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { decidingUnder, readRulesInForce } from '@taizhang/rules';

import type { ActOnUnionEnd, UnionEnd } from './union-end.commands';

export type { ActOnUnionEnd, UnionEnd };

/** The unit a record's new events concern: the surviving union, or the dissolved union's path. */
export const keeperUnitOf = (end: UnionEnd): OrgUnitRef =>
  end.kind === 'merged' ? end.into : end.union;

/**
 * One kind of rights record that a union's end acts on (README, "A union dissolved or merged"):
 * the open records of a union, and the command that hands one over or closes it. A feature
 * exports one from its index.ts; `union-end.handovers.ts` lists them, one line each.
 */
export interface OpenRecordHandover {
  /** The record's stream type, as its events are stored (`dispute`, `proposal`, …). */
  streamType: string;
  /** The stream ids of the union's records still open, read in the consumer's transaction. */
  openRecordsOf(tx: EventStoreTransaction, unionId: string): Promise<string[]>;
  /** Hands one over or closes it, in the same transaction; false when nothing was recorded. */
  handOver(
    tx: EventStoreTransaction,
    store: PostgresEventStore,
    streamId: string,
    end: UnionEnd,
    metadata: CommandMetadata,
  ): Promise<boolean>;
}

/**
 * The handover of a record folded and decided by `decider` (whose `decide` takes
 * `ActOnUnionEnd`), open for a union when `isOpen` says so. The decider is judged under the
 * rules in force for the keeper on the day of the end, as every rights command is.
 */
export const openRecordHandover = <TState, TEvent extends DomainEvent>(options: {
  streamType: string;
  decider: Decider<TState, UnderRules<ActOnUnionEnd>, TEvent>;
  isOpen: (state: TState, unionId: string) => boolean;
}): OpenRecordHandover => {
  const { streamType, decider } = options;

  return {
    streamType,
    openRecordsOf: async (tx, unionId) => {
      const open: string[] = [];
      for (const streamId of await streamsWithEventsAt(tx.client, unionId, streamType)) {
        const { events } = await tx.lockAndReadStream(streamId);
        const state = events.reduce(
          (current, event) => decider.evolve(current, event as unknown as TEvent),
          decider.initialState(),
        );
        if (options.isOpen(state, unionId)) open.push(streamId);
      }

      return open;
    },
    handOver: async (tx, store, streamId, end, metadata) => {
      const orgUnit = keeperUnitOf(end);
      const rules = await readRulesInForce(store, orgUnit.path, end.on);
      const { head, events: history } = await tx.lockAndReadStream(streamId);
      try {
        const { events } = decideOn(
          {
            streamId,
            streamType,
            decider: decidingUnder(decider, rules),
            command: { type: 'ActOnUnionEnd', data: { end }, metadata },
            orgUnit,
          },
          head.version,
          history,
        );
        await tx.append(streamId, head, events, { streamType, orgUnit, metadata });

        return events.length > 0;
      } catch (error) {
        // Concluded meanwhile (a command got there first): nothing is left to hand over.
        if (error instanceof IllegalStateError) return false;
        throw error;
      }
    },
  };
};

/**
 * Every open record of the ended union, handed over or closed by its feature's rule, in the
 * transaction of the consumer that applied the end to the org tree: both commit or neither, and
 * a redelivery finds nothing open left to act on.
 */
export const handOverOpenRecords = async (
  client: PoolClient,
  store: PostgresEventStore,
  handovers: readonly OpenRecordHandover[],
  end: UnionEnd,
  metadata: CommandMetadata,
): Promise<number> => {
  const tx = new EventStoreTransaction(client, store);
  let acted = 0;
  for (const handover of handovers)
    for (const streamId of await handover.openRecordsOf(tx, end.unionId))
      if (await handover.handOver(tx, store, streamId, end, metadata)) acted += 1;

  return acted;
};
