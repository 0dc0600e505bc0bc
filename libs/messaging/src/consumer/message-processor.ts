import type { KafkaMessage, Producer } from 'kafkajs';
import type { Pool } from 'pg';

import type { EventEnvelope, EventRegistry } from '@taizhang/contracts';
import { deadLetterTopic } from '@taizhang/contracts';

import { abortableSleep } from './abortable-sleep';
import { markAfterCommit, rollBackAfterCommit } from './after-commit';
import type { ConsumerLogger } from './consumer-logger';
import type { ConsumerMetrics } from './consumer-metrics';
import type { DeadLetter } from './dead-letter';
import { buildDeadLetterHeaders } from './dead-letter';
import type { DecodedMessage } from './decode-message';
import { decodeMessage } from './decode-message';
import { DeferredBatchError, hasDeferredWork } from './deferred-batch';
import { messageOf } from './error-message';
import type { EventHandler, MessageSource } from './event-consumer.options';
import { isRedrivenForAnotherGroup } from './redrive-target';
import type { RetryPolicy } from './retry-policy';
import { backoffDelay } from './retry-policy';
import type { SignatureVerifier } from './signature-verifier';
import { BookkeepingError, claimEvent, withTransaction } from './transaction';
import { isTransientConcurrencyError, isTransientInfrastructureError } from './transient-error';

/**
 * What became of a message. Every outcome but `blocked` lets the consumer commit past it;
 * `blocked` (database or dead-letter topic unavailable, or the consumer stopping mid-retry) leaves
 * the message uncommitted so that it is read again.
 */
export type MessageOutcome = 'processed' | 'duplicate' | 'dead-lettered' | 'blocked';

/**
 * How a run of messages in one transaction ended: `count` messages from its start are committed.
 * `alone` means the next message must go through the one-by-one path: it cannot be read, its
 * handler threw (`error`, the first failed attempt), or the commit failed.
 */
export interface RunResult {
  count: number;
  /** `shorter`: nothing was committed; try again with a run of the first `count` messages. */
  stop: 'end' | 'alone' | 'blocked' | 'shorter';
  error?: unknown;
}

/** A handler failed after earlier events of the run had deferred work: the run goes back whole. */
class RunBroken extends Error {
  constructor(readonly before: number) {
    super(`The run broke at its message ${before}`);
  }
}

export interface MessageProcessorDeps {
  groupId: string;
  /** The registry that decodes and upcasts the messages of a topic. */
  registryOf: (topic: string) => EventRegistry;
  pool: Pool;
  handler: EventHandler;
  /** Checks publishers' signatures on the topics that need them, before anything else. */
  signatures: SignatureVerifier;
  retry: RetryPolicy;
  producer: Producer;
  metrics: ConsumerMetrics;
  logger: ConsumerLogger;
  clock: () => Date;
  random: () => number;
  /** Aborted when the consumer stops: backoffs end early and retries give up. */
  stopping: AbortSignal;
}

const isUnavailable = (error: unknown): boolean =>
  error instanceof BookkeepingError || isTransientInfrastructureError(error);

// A deadlock or a serialization failure is not the handler's fault: it uses up no attempt.
const usesAttempt = (error: unknown): number => (isTransientConcurrencyError(error) ? 0 : 1);

/** Decodes, dedupes and handles messages inside PostgreSQL transactions; retries; dead-letters. */
export class MessageProcessor {
  constructor(private readonly deps: MessageProcessorDeps) {}

  /**
   * The fast path: a run of messages of one partition in a single transaction, each under its
   * own savepoint, so that one commit (one WAL flush) covers them all. It ends at the first
   * message that cannot be read or whose handler throws, committing those before it.
   */
  async processRun(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
    canContinue: () => boolean,
  ): Promise<RunResult> {
    let count = 0;
    let duplicates = 0;
    let result: RunResult;
    try {
      result = await withTransaction(this.deps.pool, async (tx): Promise<RunResult> => {
        for (const message of messages) {
          if (!canContinue()) break;
          if (isRedrivenForAnotherGroup(message, this.deps.groupId)) {
            [count, duplicates] = [count + 1, duplicates + 1];
            continue;
          }
          const decoded = await this.read(topic, message);
          if (!decoded.ok) return { count, stop: 'alone' };
          const source = this.sourceOf(topic, partition, message);
          await tx.query('SAVEPOINT message');
          const told = markAfterCommit(tx);
          try {
            const claimed = await claimEvent(tx, decoded.event, source, this.deps.clock());
            if (claimed) await this.deps.handler(decoded.event, tx, source);
            // Fails too when the handler swallowed the error of a statement that aborted the transaction.
            await tx.query('RELEASE SAVEPOINT message');
            duplicates += Number(!claimed);
          } catch (error) {
            if (isUnavailable(error)) throw error;
            // Deferred work of the events before this one is not under its savepoint: the whole
            // run goes back, then runs again without this event, which goes alone after it.
            if (hasDeferredWork(tx) || error instanceof DeferredBatchError)
              throw new RunBroken(count);
            await tx.query('ROLLBACK TO SAVEPOINT message');
            rollBackAfterCommit(tx, told);

            return { count, stop: 'alone', error };
          }
          count += 1;
        }

        return { count, stop: 'end' };
      });
    } catch (error) {
      if (isUnavailable(error)) {
        await this.block({ topic, partition, groupId: this.deps.groupId }, 'database', error);

        return { count: 0, stop: 'blocked' };
      }
      if (error instanceof RunBroken && error.before > 0)
        return { count: error.before, stop: 'shorter' };
      // The run's deferred write failed at its end: halve the run until the culprit stands alone.
      if (error instanceof DeferredBatchError && count > 1)
        return { count: Math.floor(count / 2), stop: 'shorter' };

      // Failing at COMMIT (a deferred constraint, a serialization failure): one by one finds which.
      return { count: 0, stop: 'alone' };
    }
    for (let i = 0; i < count - duplicates; i += 1) this.deps.metrics.processed(topic);
    for (let i = 0; i < duplicates; i += 1) this.deps.metrics.duplicate(topic);

    return result;
  }

  /**
   * The careful path for one message: its own transactions, retries with backoff, dead letter.
   * `failure` is the handler's error from an attempt already made in a run. A deadlock or a
   * serialization failure is not the event's fault: it is retried until it goes through (or the
   * consumer stops, leaving the message uncommitted) and never counts towards the attempts.
   */
  async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    failure?: { error: unknown },
  ): Promise<MessageOutcome> {
    const source = this.sourceOf(topic, partition, message);
    const decoded = await this.read(topic, message);
    if (!decoded.ok)
      return 'keyUnavailable' in decoded
        ? this.block(source, "publisher's public key", decoded.keyUnavailable)
        : this.deadLetter(message, source, decoded.letter);
    const { event } = decoded;
    const { attempts } = this.deps.retry;
    let lastError = failure?.error;
    // Failed attempts in a row (for the backoff), and those the handler is to blame for.
    let failed = failure ? 1 : 0;
    let handlerFailures = failure ? usesAttempt(failure.error) : 0;
    while (handlerFailures < attempts) {
      // Whoever owns the partition next retries it from the start.
      if (failed > 0 && !(await this.backOff(source, event, failed, lastError, heartbeat)))
        return 'blocked';
      try {
        return await this.applyAlone(event, source);
      } catch (error) {
        if (isUnavailable(error)) return this.block(source, 'database', error);
        lastError = error;
        failed += 1;
        handlerFailures += usesAttempt(error);
      }
    }

    return this.deadLetter(message, source, {
      code: 'HANDLER_FAILED',
      reason: `The handler failed ${attempts} times; last error: ${messageOf(lastError)}`,
    });
  }

  private async applyAlone(
    event: EventEnvelope,
    source: MessageSource,
  ): Promise<'processed' | 'duplicate'> {
    const first = await withTransaction(this.deps.pool, async (tx) => {
      if (!(await claimEvent(tx, event, source, this.deps.clock()))) return false;
      await this.deps.handler(event, tx, source);

      return true;
    });
    if (!first) {
      this.deps.metrics.duplicate(source.topic);

      return 'duplicate';
    }
    this.deps.metrics.processed(source.topic);

    return 'processed';
  }

  // Waits before the next attempt; false when the consumer is stopping meanwhile.
  private async backOff(
    source: MessageSource,
    event: EventEnvelope,
    failedAttempt: number,
    error: unknown,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    this.deps.metrics.retried(source.topic);
    this.deps.logger.warn(
      { ...source, eventId: event.eventId, attempt: failedAttempt, error: messageOf(error) },
      'Event handler failed; retrying',
    );
    await abortableSleep(
      backoffDelay(this.deps.retry, failedAttempt, this.deps.random),
      this.deps.stopping,
    );
    if (this.deps.stopping.aborted) return false;
    await heartbeat();

    return true;
  }

  /**
   * The message's event, once its signature is checked (on the topics that need one) and its
   * value decoded; or the dead letter it must become; or, while the publisher's key cannot be
   * had, the reason to leave it unread.
   */
  private async read(
    topic: string,
    message: KafkaMessage,
  ): Promise<DecodedMessage | { ok: false; keyUnavailable: unknown }> {
    const signed = await this.deps.signatures.check(topic, message);
    if (signed.outcome === 'keyUnavailable') return { ok: false, keyUnavailable: signed.error };
    if (signed.outcome === 'forged') return { ok: false, letter: signed.letter };

    return decodeMessage(this.deps.registryOf(topic), message.value);
  }

  private sourceOf(topic: string, partition: number, message: KafkaMessage): MessageSource {
    return { topic, partition, offset: message.offset, groupId: this.deps.groupId };
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
      return this.block(source, 'dead-letter topic', error);
    }
    this.deps.metrics.deadLettered(source.topic, letter.code);
    this.deps.logger.error(
      { ...source, code: letter.code, reason: letter.reason },
      'Message dead-lettered',
    );

    return 'dead-lettered';
  }

  private async block(
    where: Omit<MessageSource, 'offset'>,
    what: 'database' | 'dead-letter topic' | "publisher's public key",
    error: unknown,
  ): Promise<'blocked'> {
    this.deps.logger.error(
      { ...where, error: messageOf(error) },
      `The ${what} is unavailable; the message stays uncommitted and will be read again`,
    );
    await abortableSleep(this.deps.retry.maxDelayMs, this.deps.stopping);

    return 'blocked';
  }
}
