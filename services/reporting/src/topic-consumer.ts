import { Controller, Inject, Optional, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { afterCommit, EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import { stampRecordedAt } from './as-of/deltas.sql';
import type { EventProjection } from './as-of/figure-set.projection';

/**
 * Told of the events whose projections a transaction committed, once it has (live updates,
 * cache invalidation). Never awaited and never able to undo the projections: a hook handles its
 * own failures (Redis down: log, count, carry on).
 */
export type AfterCommitHook = (events: readonly EventEnvelope[]) => void;

/** The list of {@link AfterCommitHook}s every topic consumer calls: one provider, an array. */
export const AFTER_COMMIT_HOOKS = Symbol('AFTER_COMMIT_HOOKS');

/**
 * The consumer of one source topic: each event goes through the projections registered for the
 * topic (read models, figure sets), one after the other in the transaction that records it as
 * processed, so a failure leaves none of them changed and the event goes to the DLQ. Another
 * topic's consumer is another line in `reporting.consumers.ts`, touching none of these.
 */
export const topicConsumer = (topic: string, ...projections: EventProjection[]) => {
  @Controller()
  @UseFilters(EventHandlerErrorFilter)
  class TopicConsumer {
    constructor(
      @Optional()
      @Inject(AFTER_COMMIT_HOOKS)
      private readonly hooks: readonly AfterCommitHook[] = [],
    ) {}

    @EventPattern(topic)
    async onEvent(@Payload() event: EventEnvelope, @Ctx() context: EventContext): Promise<void> {
      const tx = context.getTransaction();
      // Whatever the projections write is logged as recorded when the event was (DESIGN §7).
      await stampRecordedAt(tx, event.recordedAt);
      for (const project of projections) await project(event, tx);
      if (this.hooks.length > 0) this.afterCommit(event, tx);
    }

    // Only an event whose projections all ran is noted: a failing one never reaches the hooks.
    private afterCommit(event: EventEnvelope, tx: PoolClient): void {
      afterCommit<EventEnvelope>(tx, 'reporting.after-commit-hooks', (events) => {
        for (const hook of this.hooks) hook(events);
      }).push(event);
    }
  }
  // Named after its topic in Nest's logs and errors.
  Object.defineProperty(TopicConsumer, 'name', { value: `TopicConsumer(${topic})` });

  return TopicConsumer;
};
