import type { Command, Decider, DomainEvent } from '@taizhang/event-store';

/**
 * given/when/then for deciders (emmett's DeciderSpecification):
 * `spec.given([events]).when(command).then([events])` or `.thenThrows(ErrorClass, /message/)`.
 */
export const DeciderSpecification = {
  for<TState, TCommand extends Command, TEvent extends DomainEvent>(
    decider: Decider<TState, TCommand, TEvent>,
  ) {
    return {
      given(events: readonly TEvent[]) {
        return {
          when(command: TCommand) {
            const run = () =>
              decider.decide(command, events.reduce(decider.evolve, decider.initialState()));

            return {
              then(expected: TEvent | readonly TEvent[]): void {
                const actual = run();
                expect(Array.isArray(actual) ? actual : [actual]).toEqual(
                  Array.isArray(expected) ? expected : [expected],
                );
              },
              thenThrows(
                errorType: abstract new (...args: never[]) => Error,
                message?: RegExp,
              ): void {
                expect(run).toThrow(errorType as new (...args: never[]) => Error);
                if (message) expect(run).toThrow(message);
              },
            };
          },
        };
      },
    };
  },
};
