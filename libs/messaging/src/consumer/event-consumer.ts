import type { Admin, Consumer, EachBatchPayload, Producer } from 'kafkajs';
import pino from 'pino';

import { createIdempotentProducer } from '../kafka/create-idempotent-producer';
import { abortableSleep } from './abortable-sleep';
import { fetchBrokerOffsets } from './broker-offsets';
import type { ConsumerLogger } from './consumer-logger';
import { ConsumerMetrics } from './consumer-metrics';
import { registryOfTopics } from './decode-message';
import { messageOf } from './error-message';
import type { EventConsumerOptions } from './event-consumer.options';
import { MessageProcessor } from './message-processor';
import type { PartitionLag, TopicPartition } from './partition-progress';
import { PartitionProgress } from './partition-progress';
import type { ProcessedEventsRetentionPolicy } from './processed-events-retention';
import {
  DEFAULT_PROCESSED_EVENTS_RETENTION,
  pruneProcessedEvents,
} from './processed-events-retention';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { SignatureVerifier } from './signature-verifier';

const DEFAULT_LAG_REFRESH_MS = 15_000;
const DEFAULT_EVENTS_PER_TRANSACTION = 100;
const MAX_RUN_MS = 1_000;
// Offsets are committed at the end of every batch, and within a long batch at least this often.
const COMMIT_INTERVAL_MS = 1_000;
const CAUGHT_UP_POLL_MS = 100;
const DEAD_LETTER_SEND_RETRIES = 5;

/**
 * Consumes event topics as one consumer group: each message is handled inside a PostgreSQL
 * transaction that also records its event id (a redelivery changes nothing), retried with backoff
 * when the handler throws, dead-lettered to `<topic>.dlq` when it cannot be processed, and its
 * offset committed only after that. Partitions are processed in order, several at a time.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly closesProducer: boolean;
  private readonly metrics: ConsumerMetrics;
  private readonly progress = new PartitionProgress();
  private readonly processor: MessageProcessor;
  private readonly logger: ConsumerLogger;
  private readonly stopping = new AbortController();
  private assignment: TopicPartition[] = [];
  private lagTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private pruning: Promise<unknown> = Promise.resolve();
  private readonly retention: ProcessedEventsRetentionPolicy;
  private state: 'new' | 'running' | 'stopped' = 'new';
  private readonly eventsPerTransaction: number;

  constructor(private readonly options: EventConsumerOptions) {
    const { kafka, groupId } = options;
    this.logger = options.logger ?? pino({ name: `consumer:${groupId}` });
    this.consumer = kafka.consumer({
      allowAutoTopicCreation: false,
      ...options.consumerConfig,
      groupId,
    });
    this.admin = kafka.admin();
    this.closesProducer = options.deadLetterProducer === undefined;
    // Finite retries (kafkajs retries an idempotent send forever by default): a dead-letter topic
    // that stays unreachable must hand the message back to be read again, not hang the partition.
    this.producer =
      options.deadLetterProducer ??
      createIdempotentProducer(kafka, { retry: { retries: DEAD_LETTER_SEND_RETRIES } });
    this.metrics = new ConsumerMetrics(groupId, options.metrics);
    this.eventsPerTransaction = options.eventsPerTransaction ?? DEFAULT_EVENTS_PER_TRANSACTION;
    this.retention = { ...DEFAULT_PROCESSED_EVENTS_RETENTION, ...options.retention };
    this.processor = new MessageProcessor({
      groupId,
      registryOf: registryOfTopics(options),
      pool: options.pool,
      handler: options.handler,
      signatures: new SignatureVerifier(options.signatures),
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      producer: this.producer,
      metrics: this.metrics,
      logger: this.logger,
      clock: options.clock ?? (() => new Date()),
      random: options.random ?? Math.random,
      stopping: this.stopping.signal,
    });
  }

  /** Connects, joins the group and starts consuming; resolves once partitions are assigned. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('An EventConsumer starts once; create a new one');
    this.state = 'running';
    const { groupId, topics } = this.options;
    if (this.closesProducer) await this.producer.connect();
    await this.admin.connect();
    await this.consumer.connect();
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assign(payload.memberAssignment);
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.logger.error(
        { groupId, error: payload.error.message, restart: payload.restart },
        'Kafka consumer crashed',
      );
    });
    await this.consumer.subscribe({
      topics: [...topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: COMMIT_INTERVAL_MS,
      // An offset is resolved by hand once its message is processed or dead-lettered, never before.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.lagTimer = setInterval(
      () => void this.refreshLag(),
      this.options.lagRefreshIntervalMs ?? DEFAULT_LAG_REFRESH_MS,
    );
    this.lagTimer.unref();
    this.pruneTimer = setInterval(() => {
      this.pruning = this.pruning.then(() => this.pruneProcessedEvents().catch(() => 0));
    }, this.retention.intervalMs);
    this.pruneTimer.unref();
    this.logger.info({ groupId, topics }, 'Event consumer started');
  }

  /** Finishes the message in hand, commits, leaves the group and disconnects. */
  async stop(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'stopped';
    clearInterval(this.lagTimer);
    clearInterval(this.pruneTimer);
    // A message waiting out a backoff is left uncommitted for the next owner of its partition.
    this.stopping.abort();
    await this.consumer.disconnect();
    await this.pruning;
    await this.admin.disconnect();
    if (this.closesProducer) await this.producer.disconnect();
    for (const partition of this.progress.retain([])) this.metrics.forget(partition);
    this.logger.info({ groupId: this.options.groupId }, 'Event consumer stopped');
  }

  /**
   * Deletes the group's records of processed events that no redelivery can need any more: more
   * than `offsetMargin` below the group's committed offset of their partition and older than
   * `minAgeMs` (README, "Retention"). Runs every `intervalMs`; returns how many went.
   */
  async pruneProcessedEvents(): Promise<number> {
    const { groupId, topics, pool } = this.options;
    try {
      const offsets = await fetchBrokerOffsets(this.admin, groupId, topics);
      const now = (this.options.clock ?? (() => new Date()))();
      const pruned = await pruneProcessedEvents(pool, groupId, offsets, this.retention, now);
      if (pruned > 0) this.logger.info({ groupId, pruned }, 'Old processed-event records pruned');

      return pruned;
    } catch (error) {
      this.logger.warn(
        { groupId, error: messageOf(error) },
        'Could not prune processed-event records; trying again later',
      );
      throw error;
    }
  }

  /** Lag of each partition this instance owns, as last seen (also the `taizhang_consumer_lag` gauge). */
  lag(): PartitionLag[] {
    return this.progress.snapshot();
  }

  /**
   * Resolves when the group's committed offset has reached, on every partition of its topics, the
   * end the partition had when called: everything produced before is processed or dead-lettered.
   */
  async waitUntilCaughtUp({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const { groupId, topics } = this.options;
    const targets = await fetchBrokerOffsets(this.admin, groupId, topics);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await fetchBrokerOffsets(this.admin, groupId, topics);
      const behind = targets.filter(({ topic, partition, highWatermark }) => {
        const found = now.find((p) => p.topic === topic && p.partition === partition);
        // -1, nothing committed yet, is the start of the partition.
        const committed = BigInt(found?.committed ?? '-1');

        return (committed < 0n ? 0n : committed) < BigInt(highWatermark);
      });
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `Consumer group ${groupId} did not catch up within ${timeoutMs} ms on ${behind
            .map(({ topic, partition }) => `${topic}[${partition}]`)
            .join(', ')}`,
        );
      await abortableSleep(CAUGHT_UP_POLL_MS, this.stopping.signal);
      if (this.stopping.signal.aborted) throw new Error(`Consumer group ${groupId} was stopped`);
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { topic, partition, highWatermark, messages } = payload.batch;
    // After a rebalance a batch of a partition now owned by another instance may still be in hand.
    const canContinue = () =>
      payload.isRunning() && !payload.isStale() && this.owns(topic, partition);
    let next = 0;
    // Resolved offsets are what kafkajs commits; a message left unresolved is fetched again.
    const resolve = (count: number) => {
      for (const message of messages.slice(next, next + count)) {
        payload.resolveOffset(message.offset);
        this.metrics.lag(this.progress.processed(topic, partition, message.offset, highWatermark));
      }
      next += count;
    };
    let runSize = this.eventsPerTransaction;
    while (next < messages.length && canContinue()) {
      // A run ends after a while too, so that heartbeats and rebalances are not held up.
      const runEnds = performance.now() + MAX_RUN_MS;
      const run = await this.processor.processRun(
        topic,
        partition,
        messages.slice(next, next + runSize),
        () => canContinue() && performance.now() < runEnds,
      );
      // Nothing committed: the same messages again, only as many as will go through together.
      if (run.stop === 'shorter') {
        runSize = run.count;
        continue;
      }
      runSize = this.eventsPerTransaction;
      resolve(run.count);
      if (run.stop === 'blocked') return;
      const stopper = messages[next];
      if (run.stop === 'alone' && stopper && canContinue()) {
        const failure = 'error' in run ? { error: run.error } : undefined;
        const outcome = await this.processor.process(
          topic,
          partition,
          stopper,
          () => payload.heartbeat(),
          failure,
        );
        if (outcome === 'blocked') return;
        resolve(1);
      }
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  private owns(topic: string, partition: number): boolean {
    return this.assignment.some((p) => p.topic === topic && p.partition === partition);
  }

  private assign(memberAssignment: Record<string, number[]>): void {
    this.assignment = Object.entries(memberAssignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    for (const partition of this.progress.retain(this.assignment)) this.metrics.forget(partition);
    void this.refreshLag();
  }

  // The broker's figures keep the lag gauge true while nothing is processed (a stuck consumer).
  private async refreshLag(): Promise<void> {
    const { groupId, topics } = this.options;
    try {
      const offsets = await fetchBrokerOffsets(this.admin, groupId, topics);
      for (const { topic, partition, committed, highWatermark } of offsets) {
        if (this.owns(topic, partition) && this.state === 'running')
          this.metrics.lag(this.progress.observed(topic, partition, committed, highWatermark));
      }
    } catch (error) {
      this.logger.warn(
        { groupId, error: messageOf(error) },
        'Could not refresh consumer lag from the broker',
      );
    }
  }
}
