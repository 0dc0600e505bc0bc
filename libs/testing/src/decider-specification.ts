import type { Command, Decider, DomainEvent } from '@taizhang/event-store';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given/when/then for deciders (emmett's DeciderSpecification):
 * `spec.given([events]).when(command).then([events])` or `.thenThrows(ErrorClass, /message/)`.
 */
export const DeciderSpecification = {
  for: <TState, TCommand extends Command, TEvent extends DomainEvent>(
    decider: Decider<TState, TCommand, TEvent>,
  ) => ({
    given: (events: readonly TEvent[]) => ({
      when: (command: TCommand) => {
        const run = () =>
          decider.decide(
            command,
            events.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
          );

        return {
          then: (expected: TEvent | readonly TEvent[]): void => {
            const actual = run();
            expect(Array.isArray(actual) ? actual : [actual]).toEqual(
              Array.isArray(expected) ? expected : [expected],
            );
          },
          thenThrows: (errorType: ErrorClass, message?: RegExp): void => {
            expect(run).toThrow(errorType as new (...args: never[]) => Error);
            if (message) expect(run).toThrow(message);
          },
        };
      },
    }),
  }),
};
