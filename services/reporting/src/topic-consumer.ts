import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import { stampRecordedAt } from './as-of/deltas.sql';
import type { EventProjection } from './as-of/figure-set.projection';

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
    @EventPattern(topic)
    async onEvent(@Payload() event: EventEnvelope, @Ctx() context: EventContext): Promise<void> {
      const tx = context.getTransaction();
      // Whatever the projections write is logged as recorded when the event was (DESIGN §7).
      await stampRecordedAt(tx, event.recordedAt);
      for (const project of projections) await project(event, tx);
    }
  }
  // Named after its topic in Nest's logs and errors.
  Object.defineProperty(TopicConsumer, 'name', { value: `TopicConsumer(${topic})` });

  return TopicConsumer;
};
