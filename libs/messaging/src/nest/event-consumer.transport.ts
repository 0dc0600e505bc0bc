import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';

import type { PoolClient } from 'pg';
import { lastValueFrom } from 'rxjs';

import type { EventEnvelope } from '@taizhang/contracts';

import { EventConsumer } from '../consumer/event-consumer';
import type { EventConsumerOptions, MessageSource } from '../consumer/event-consumer.options';
import { EventContext } from './event-context';

/** The consumer's options; topics and handler come from the app's `@EventPattern(topic)` methods. */
export type EventConsumerTransportOptions = Omit<EventConsumerOptions, 'topics' | 'handler'> & {
  /** The topic a pattern names in this deployment (a test run's suffix, say); as written by default. */
  topicFor?: (pattern: string) => string;
};

/**
 * A Nest microservice transport over `EventConsumer`: every `@EventPattern(topic)` handler runs
 * inside the consumer's transaction (`@Ctx() ctx: EventContext`), and a handler that throws is
 * retried and dead-lettered like any other. Used with `app.connectMicroservice({ strategy })`.
 */
export class EventConsumerTransport extends Server implements CustomTransportStrategy {
  private consumer: EventConsumer | undefined;
  private readonly patternOfTopic = new Map<string, string>();

  constructor(private readonly options: EventConsumerTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const patterns = [...this.getHandlers().keys()];
      if (patterns.length === 0) throw new Error('No @EventPattern(topic) handler to consume for');
      const { topicFor = (pattern: string) => pattern, ...options } = this.options;
      for (const pattern of patterns) this.patternOfTopic.set(topicFor(pattern), pattern);
      // A topic configured to be read but handled nowhere is a mistake, not something to skip.
      const unhandled = Object.keys(options.registries ?? {}).filter(
        (topic) => !this.patternOfTopic.has(topic),
      );
      if (unhandled.length > 0)
        throw new Error(`No @EventPattern(topic) handler for ${unhandled.join(', ')}`);
      this.consumer = new EventConsumer({
        ...options,
        topics: [...this.patternOfTopic.keys()],
        handler: (event, tx, source) => this.dispatch(event, tx, source),
      });
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  /** The running `EventConsumer` (for `lag()` and `waitUntilCaughtUp()`). */
  unwrap<T = EventConsumer>(): T {
    if (!this.consumer) throw new Error('The event transport is not listening yet');

    return this.consumer as T;
  }

  on(): never {
    throw new Error('The event transport has no events to listen to; use its metrics and logs');
  }

  private async dispatch(
    event: EventEnvelope,
    tx: PoolClient,
    source: MessageSource,
  ): Promise<void> {
    const handler = this.getHandlerByPattern(this.patternOfTopic.get(source.topic) ?? source.topic);
    if (!handler) throw new Error(`No @EventPattern handler for topic ${source.topic}`);
    // Nest hands errors back as an erroring observable; awaiting it turns them into a rejection.
    const result: unknown = await handler(event, new EventContext([tx, source]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
