import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { EventOf } from '@taizhang/contracts';
import { defineEvent, EventRegistry } from '@taizhang/contracts';
import type { Command, CommandMetadata, Decider, PostgresEventStore } from '@taizhang/event-store';
import { handleCommand, IllegalStateError } from '@taizhang/event-store';

import type { DueContext, DueDeadline } from '../src';
import { addDays, addYears, deadlineClock } from '../src';

/**
 * A small aggregate for the clocks' own tests, shaped like the rights service's disputes: an
 * answer due 20 days after a dispute is received, and a yearly re-check while it is open.
 */
const disputeId = z.string().min(1);
const day = z.iso.date();
const DisputeRegisteredV1 = defineEvent(
  'DisputeRegistered',
  1,
  z.object({ disputeId, receivedOn: day }),
);
const DisputeAnsweredV1 = defineEvent('DisputeAnswered', 1, z.object({ disputeId }));
const DisputeWithdrawnV1 = defineEvent('DisputeWithdrawn', 1, z.object({ disputeId }));
const DisputeOverdueV1 = defineEvent('DisputeOverdue', 1, z.object({ disputeId, dueOn: day }));
const DisputeReviewedV1 = defineEvent(
  'DisputeReviewed',
  1,
  z.object({ disputeId, reviewedOn: day }),
);
const DisputeClosedV1 = defineEvent('DisputeClosed', 1, z.object({ disputeId }));
const definitions = [
  DisputeRegisteredV1,
  DisputeAnsweredV1,
  DisputeWithdrawnV1,
  DisputeOverdueV1,
  DisputeReviewedV1,
  DisputeClosedV1,
];
export const disputeRegistry = new EventRegistry(definitions);

export type DisputeEvent = EventOf<(typeof definitions)[number]>;
type DisputeCommand =
  | Command<'RegisterDispute', { disputeId: string; receivedOn: string }>
  | Command<'AnswerDispute' | 'WithdrawDispute' | 'CloseDispute', { disputeId: string }>
  | Command<'MarkOverdue', { disputeId: string; dueOn: string }>
  | Command<'ReviewDispute', { disputeId: string; reviewedOn: string }>;
type Dispute = { status: 'None' | 'Open' | 'Answered' | 'Withdrawn' | 'Closed' };

const requireOpen = (state: Dispute) => {
  if (state.status !== 'Open')
    throw new IllegalStateError(`The dispute is ${state.status}`, 'DISPUTE_NOT_OPEN');
};

// Neither an overdue mark nor a review refuses a repeat: only the clock keeps them to one a deadline.
const decide = (command: DisputeCommand, state: Dispute): DisputeEvent => {
  switch (command.type) {
    case 'RegisterDispute':
      if (state.status !== 'None')
        throw new IllegalStateError('The dispute exists', 'DISPUTE_EXISTS');

      return { type: 'DisputeRegistered', data: command.data };
    case 'AnswerDispute':
      requireOpen(state);

      return { type: 'DisputeAnswered', data: command.data };
    case 'WithdrawDispute':
      requireOpen(state);

      return { type: 'DisputeWithdrawn', data: command.data };
    case 'MarkOverdue':
      requireOpen(state);

      return { type: 'DisputeOverdue', data: command.data };
    case 'ReviewDispute':
      if (state.status === 'Closed' || state.status === 'None')
        throw new IllegalStateError('Nothing to review', 'DISPUTE_NOT_OPEN');

      return { type: 'DisputeReviewed', data: command.data };
    case 'CloseDispute':
      return { type: 'DisputeClosed', data: command.data };
    default: {
      const _exhaustive: never = command;
      throw new Error('Unknown command');
    }
  }
};

const statusAfter: Partial<Record<DisputeEvent['type'], Dispute['status']>> = {
  DisputeRegistered: 'Open',
  DisputeAnswered: 'Answered',
  DisputeWithdrawn: 'Withdrawn',
  DisputeClosed: 'Closed',
};

const disputeDecider: Decider<Dispute, DisputeCommand, DisputeEvent> = {
  initialState: () => ({ status: 'None' }),
  evolve: (state, event) => ({ status: statusAfter[event.type] ?? state.status }),
  decide,
};

export const officer = (now: Date): CommandMetadata => ({
  now,
  actorId: 'officer-1',
  actorRole: 'federation_officer',
  correlationId: randomUUID(),
});

export const runDisputeCommand = (store: PostgresEventStore, command: DisputeCommand) =>
  handleCommand(store, {
    streamId: `dispute-${command.data.disputeId}`,
    streamType: 'dispute',
    decider: disputeDecider,
    command,
    orgUnit: { id: 'u1', path: 'm1/d1/s1/u1' },
  });

export interface DisputeClockHooks {
  /** Runs after the command of a due deadline, as a crash right after it would. */
  afterCommand?: (item: DueDeadline) => void;
}

/** 20 days to answer (20 天内答复): marked overdue once; an answer or a closing settles it. */
export const answerClock = (hooks: DisputeClockHooks = {}) =>
  deadlineClock<DisputeEvent>({
    name: 'dispute-answer',
    starts: {
      DisputeRegistered: (event) => ({
        key: event.data.disputeId,
        dueOn: addDays(event.data.receivedOn, 20),
      }),
    },
    // A withdrawal is left out on purpose: the rules refuse the mark then.
    settles: {
      DisputeAnswered: (event) => event.data.disputeId,
      DisputeClosed: (event) => event.data.disputeId,
    },
    onDue: async (item: DueDeadline, { store, metadata }: DueContext) => {
      await runDisputeCommand(store, {
        type: 'MarkOverdue',
        data: { disputeId: item.key, dueOn: item.dueOn },
        metadata,
      });
      hooks.afterCommand?.(item);
    },
  });

/** A yearly re-check (年度复核) while the dispute is open: each review starts the next year's. */
export const reviewClock = (name = 'dispute-review') =>
  deadlineClock<DisputeEvent>({
    name,
    starts: {
      DisputeRegistered: (event) => ({
        key: event.data.disputeId,
        dueOn: addYears(event.data.receivedOn, 1),
      }),
      DisputeReviewed: (event) => ({
        key: event.data.disputeId,
        dueOn: addYears(event.data.reviewedOn, 1),
      }),
    },
    settles: { DisputeClosed: (event) => event.data.disputeId },
    onDue: ({ key, dueOn }, { store, metadata }) =>
      runDisputeCommand(store, {
        type: 'ReviewDispute',
        data: { disputeId: key, reviewedOn: dueOn },
        metadata,
      }),
  });

// As the region's business date (businessDate of @taizhang/domain).
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
export const chinaDate = (instant: Date): string => CHINA_DATE.format(instant);
