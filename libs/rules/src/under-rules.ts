import type { Command, Decider, DomainEvent } from '@taizhang/event-store';

import type { RulesInForce } from './rules-in-force';

/** A command as a rule-bound decider gets it: with the rules in force on its business date. */
export type UnderRules<TCommand extends Command> = TCommand & { readonly rules: RulesInForce };

/**
 * The decider that decides every command under `rules`, which the runner read for the command's
 * business date and unit: the decider itself stays pure, and a command dated in the past is
 * judged by the rules of its own day.
 */
export const decidingUnder = <TState, TCommand extends Command, TEvent extends DomainEvent>(
  decider: Decider<TState, UnderRules<TCommand>, TEvent>,
  rules: RulesInForce,
): Decider<TState, TCommand, TEvent> => ({
  evolve: (state, event) => decider.evolve(state, event),
  initialState: () => decider.initialState(),
  decide: (command, state) => decider.decide({ ...command, rules }, state),
});
