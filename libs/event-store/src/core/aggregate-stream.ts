import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { Decider, DomainEvent } from './decider';

/** Folds a stream into its current state, for reads and for checks before a command. */
export const aggregateStream = async <TState, TEvent extends DomainEvent>(
  store: PostgresEventStore,
  streamId: string,
  decider: Pick<Decider<TState, never, TEvent>, 'evolve' | 'initialState'>,
): Promise<{ state: TState; version: number }> => {
  const { version, events } = await store.readStream(streamId);

  return {
    state: events.reduce(
      (state, event) => decider.evolve(state, event as unknown as TEvent),
      decider.initialState(),
    ),
    version,
  };
};
