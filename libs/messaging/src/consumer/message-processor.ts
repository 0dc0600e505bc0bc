import type { KafkaMessage, Producer } from 'kafkajs';
import type { Pool } from 'pg';

import type { EventEnvelope, EventRegistry } from '@taizhang/contracts';
import { deadLetterTopic } from '@taizhang/contracts';

import { abortableSleep } from './abortable-sleep';
import type { ConsumerLogger } from './consumer-logger';
import type { ConsumerMetrics } from './consumer-metrics';
import type { DeadLetter } from './dead-letter';
import { buildDeadLetterHeaders } from './dead-letter';
import { decodeMessage } from './decode-message';
import { messageOf } from './error-message';
import type { EventHandler, MessageSource } from './event-consumer.options';
import { MARK_EVENT_PROCESSED_SQL } from './mark-event-processed.sql';
import type { RetryPolicy } from './retry-policy';
import { backoffDelay } from './retry-policy';
import { isTransientInfrastructureError } from './transient-error';

/**
 * What became of a message. Every outcome but `blocked` lets the consumer commit past it;
 * `blocked` (database or dead-letter topic unavailable, or the consumer stopping mid-retry) leaves
 * the message uncommitted so that it is read again.
 */
export type MessageOutcome = 'processed' | 'duplicate' | 'dead-lettered' | 'blocked';

export interface MessageProcessorDeps {
  groupId: string;
  registry: EventRegistry;
  pool: Pool;
  handler: EventHandler;
  retry: RetryPolicy;
  producer: Producer;
  metrics: ConsumerMetrics;
  logger: ConsumerLogger;
  clock: () => Date;
  random: () => number;
  /** Aborted when the consumer stops: backoffs end early and retries give up. */
  stopping: AbortSignal;
}

// Thrown by our own bookkeeping (connect, BEGIN, the processed-events insert): never the event's fault.
class BookkeepingError extends Error {
  constructor(cause: unknown) {
    super(messageOf(cause), { cause });
  }
}

/** Processes one message: decode, then dedupe and handle in one transaction, retry, dead-letter. */
export class MessageProcessor {
  constructor(private readonly deps: MessageProcessorDeps) {}

  async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<MessageOutcome> {
    const source: MessageSource = {
      topic,
      partition,
      offset: message.offset,
      groupId: this.deps.groupId,
    };
    const decoded = decodeMessage(this.deps.registry, message.value);
    if (!decoded.ok) return this.deadLetter(message, source, decoded.letter);

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.applyOnce(decoded.event, source);
      } catch (error) {
        if (error instanceof BookkeepingError || isTransientInfrastructureError(error))
          return this.block(source, 'database unavailable', error);
        if (attempt >= this.deps.retry.attempts)
          return this.deadLetter(message, source, {
            code: 'HANDLER_FAILED',
            reason: `The handler failed ${attempt} times; last error: ${messageOf(error)}`,
          });
        this.deps.metrics.retried(topic);
        this.deps.logger.warn(
          { ...source, eventId: decoded.event.eventId, attempt, error: messageOf(error) },
          'Event handler failed; retrying',
        );
        await abortableSleep(
          backoffDelay(this.deps.retry, attempt, this.deps.random),
          this.deps.stopping,
        );
        // Whoever owns the partition next retries it from the start.
        if (this.deps.stopping.aborted) return 'blocked';
        await heartbeat();
      }
    }
  }

  private async applyOnce(event: EventEnvelope, source: MessageSource): Promise<MessageOutcome> {
    const client = await this.deps.pool.connect().catch((error: unknown) => {
      throw new BookkeepingError(error);
    });
    let broken: Error | undefined;
    try {
      const claimed = await client
        .query('BEGIN')
        .then(() =>
          client.query(MARK_EVENT_PROCESSED_SQL, [
            source.groupId,
            event.eventId,
            source.topic,
            source.partition,
            source.offset,
            this.deps.clock(),
          ]),
        )
        .catch((error: unknown) => {
          throw new BookkeepingError(error);
        });
      if (claimed.rowCount === 0) {
        await client.query('COMMIT');
        this.deps.metrics.duplicate(source.topic);

        return 'duplicate';
      }
      await this.deps.handler(event, client, source);
      await client.query('COMMIT');
      this.deps.metrics.processed(source.topic);

      return 'processed';
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot roll back must not go back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    source: MessageSource,
    letter: DeadLetter,
  ): Promise<MessageOutcome> {
    try {
      await this.deps.producer.send({
        topic: deadLetterTopic(source.topic),
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: buildDeadLetterHeaders(
              letter,
              { ...source, headers: message.headers },
              this.deps.clock(),
            ),
          },
        ],
      });
    } catch (error) {
      return this.block(source, 'dead-letter topic unavailable', error);
    }
    this.deps.metrics.deadLettered(source.topic, letter.code);
    this.deps.logger.error(
      { ...source, code: letter.code, reason: letter.reason },
      'Message dead-lettered',
    );

    return 'dead-lettered';
  }

  private async block(
    source: MessageSource,
    what: string,
    error: unknown,
  ): Promise<MessageOutcome> {
    this.deps.logger.error(
      { ...source, error: messageOf(error) },
      `Message left uncommitted, ${what}; it will be read again`,
    );
    await abortableSleep(this.deps.retry.maxDelayMs, this.deps.stopping);

    return 'blocked';
  }
}
