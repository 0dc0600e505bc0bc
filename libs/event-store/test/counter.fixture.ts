import { z } from 'zod';

import { defineEvent, EventRegistry } from '@taizhang/contracts';

import type { Command, CommandMetadata, Decider } from '../src';
import { IllegalStateError } from '../src';

/** A tiny aggregate for the store's own tests: a counter that refuses to go past its limit. */
export const CounterIncrementedV1 = defineEvent(
  'CounterIncremented',
  1,
  z.object({ by: z.number().int(), note: z.string() }),
);
export const registry = new EventRegistry([CounterIncrementedV1]);

type CounterEvent = { type: 'CounterIncremented'; data: { by: number; note: string } };
type Increment = Command<'Increment', { by: number; note: string; limit: number }>;

export const counterDecider: Decider<{ total: number }, Increment, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => {
    if (state.total + command.data.by > command.data.limit)
      throw new IllegalStateError('The counter would pass its limit', 'COUNTER_LIMIT');

    return { type: 'CounterIncremented', data: { by: command.data.by, note: command.data.note } };
  },
};

export const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  now: new Date('2026-03-01T08:00:00.000Z'),
  actorId: 'user-1',
  actorRole: 'union_cadre',
  correlationId: 'corr-1',
  ...overrides,
});

export const increment = (
  by: number,
  overrides: Partial<CommandMetadata> = {},
  note = '增加',
): Increment => ({
  type: 'Increment',
  data: { by, note, limit: 1_000_000 },
  metadata: metadata(overrides),
});

export const orgUnit = { id: 'union-1', path: 'm1/d1/s1/union-1' };
