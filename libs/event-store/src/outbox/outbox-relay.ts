import type { KeyObject } from 'node:crypto';

import type { Message, Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';

import type { ConsumerLogger } from '@taizhang/messaging';
import { EventSigner, toEventMessage } from '@taizhang/messaging';

import type { StoredEvent } from '../core/stored-event';
import type { Checkpoint, PostgresEventStore } from '../postgres/postgres-event-store';
import { START_CHECKPOINT } from '../postgres/postgres-event-store';
import { READ_RELAY_CHECKPOINT, SAVE_RELAY_CHECKPOINT, TRY_RELAY_LEADERSHIP } from './outbox.sql';

export interface OutboxRelayOptions {
  store: PostgresEventStore;
  /** An idempotent kafkajs producer (acks=all); the relay connects and disconnects it. */
  producer: Producer;
  topic: string;
  /** The service's Ed25519 event-signing key: every message carries its signature (ADR 0007). */
  signingKey: KeyObject;
  /** Names the checkpoint and the leadership lock; one active relay per name. */
  name?: string;
  batchSize?: number;
  /** How long to sleep when there is nothing to publish and no append woke the relay. */
  idleIntervalMs?: number;
  /** After an append wakes it, how long the relay waits for more, so that one batch carries them. */
  coalesceMs?: number;
  logger?: ConsumerLogger;
  /** Runs after Kafka acknowledged a batch and before the checkpoint is saved. */
  afterPublish?: (events: StoredEvent[]) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A batch read after a checkpoint, its messages signed. */
interface SignedBatch {
  events: StoredEvent[];
  checkpoint: Checkpoint;
  messages: Message[];
}

/**
 * Publishes every stored event to Kafka in commit order. The checkpoint is saved only after Kafka
 * acknowledged, so a crash at any point re-sends (duplicates are removed by consumers) and never
 * loses. Only one relay per name publishes at a time (an advisory lock); others stand by.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly idleIntervalMs: number;
  private readonly coalesceMs: number;
  private nudged: NodeJS.Timeout | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private leaderClient: PoolClient | null = null;
  private unsubscribe: (() => void) | null = null;
  private checkpoint: Checkpoint = START_CHECKPOINT;
  private readonly signer: EventSigner;
  /** The next batch, read and being signed on the leader's session while one is sent. */
  private prefetched: { session: PoolClient; batch: Promise<SignedBatch> } | null = null;
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = options.name ?? options.topic;
    this.batchSize = options.batchSize ?? 500;
    this.idleIntervalMs = options.idleIntervalMs ?? 50;
    this.coalesceMs = options.coalesceMs ?? 5;
    this.signer = new EventSigner(options.signingKey);
  }

  private get pool(): Pool {
    return this.options.store.pool;
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.options.producer.connect();
    this.running = true;
    this.unsubscribe = this.options.store.onAppended(() => this.nudge());
    this.loop = this.run();
  }

  // Many appends in a short while wake the relay once: one batch and one checkpoint, not one each.
  private nudge(): void {
    this.nudged ??= setTimeout(() => {
      this.nudged = null;
      this.wake?.();
    }, this.coalesceMs);
  }

  /** Stops after the batch in flight; what was not checkpointed is sent again by the next relay. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.nudged) clearTimeout(this.nudged);
    this.wake?.();
    await this.loop;
    this.unsubscribe?.();
    this.releaseLeadership();
    await this.signer.close();
    await this.options.producer.disconnect();
  }

  /** Resolves once everything committed before the call has been published. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const target = await this.pool.query<{ position: string | null }>(
      'SELECT max(position)::text AS position FROM events',
    );
    const until = target.rows[0]?.position;
    if (!until) return;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const done = await this.pool.query(
        `SELECT 1 FROM relay_checkpoints c
         WHERE c.relay_name = $1
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.position <= $2
                           AND (e.transaction_id, e.position) > (c.transaction_id, c.position))`,
        [this.name, until],
      );
      if (done.rowCount === 1) return;
      this.wake?.();
      await sleep(10);
    }
    throw new Error(
      `The outbox relay "${this.name}" did not publish up to position ${until} in time`,
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const session = await this.holdLeadership();
        if (!session) {
          await this.idle(2_000);
          continue;
        }
        const published = await this.publishBatch(session);
        if (published < this.batchSize) await this.idle(this.idleIntervalMs);
      } catch (error) {
        this.prefetched = null;
        this.options.logger?.error(
          { relay: this.name, error: error instanceof Error ? error.message : String(error) },
          'Outbox relay failed; retrying from the last checkpoint',
        );
        await this.reloadCheckpoint().catch(() => undefined);
        await this.idle(1_000);
      }
    }
  }

  // Read on the leader's own session: while it answers, the advisory lock is held (only the
  // session's end or its own unlock releases it), so no other relay publishes meanwhile.
  private readSigned(session: PoolClient, after: Checkpoint): Promise<SignedBatch> {
    const batch = (async () => {
      const { events, checkpoint } = await this.options.store.readAll(
        after,
        this.batchSize,
        session,
      );

      return { events, checkpoint, messages: await this.signer.sign(events.map(toEventMessage)) };
    })();
    // Awaited by the next publishBatch, or dropped with its session: never an unhandled rejection.
    batch.catch(() => undefined);

    return batch;
  }

  private async publishBatch(session: PoolClient): Promise<number> {
    const pending =
      this.prefetched?.session === session
        ? this.prefetched.batch
        : this.readSigned(session, this.checkpoint);
    this.prefetched = null;
    const { events, checkpoint, messages } = await pending;
    // Nothing to send, or the session ended since (another relay may lead now).
    if (events.length === 0 || this.leaderClient !== session) return 0;
    // A full batch: the next one is read and signed (on the signer's thread) while this one is
    // sent. Sends stay one after another, in commit order.
    if (events.length === this.batchSize)
      this.prefetched = { session, batch: this.readSigned(session, checkpoint) };
    await this.options.producer.send({ topic: this.options.topic, acks: -1, messages });
    await this.options.afterPublish?.(events);
    // A leader that lost its session saves nothing: the next leader sends the batch again.
    await session.query(SAVE_RELAY_CHECKPOINT, [
      this.name,
      checkpoint.transactionId,
      checkpoint.position,
    ]);
    this.checkpoint = checkpoint;
    this.published += events.length;

    return events.length;
  }

  /** The leader's session, taking the lock if no one holds it; null while another relay leads. */
  private async holdLeadership(): Promise<PoolClient | null> {
    if (this.leaderClient) return this.leaderClient;
    const client = await this.pool.connect();
    // The lock lives as long as the session: when it ends, leadership ends at once.
    const lost = (error: Error) => this.loseLeadership(client, error);
    client.on('error', lost);
    let locked = false;
    try {
      locked =
        (await client.query<{ locked: boolean }>(TRY_RELAY_LEADERSHIP, [this.name])).rows[0]
          ?.locked === true;
    } finally {
      if (!locked) {
        client.off('error', lost);
        client.release();
      }
    }
    if (!locked) return null;
    this.leaderClient = client;
    // The checkpoint may have moved while another relay was leader.
    await this.reloadCheckpoint();

    return client;
  }

  private loseLeadership(client: PoolClient, error: Error): void {
    if (this.leaderClient !== client) return;
    this.leaderClient = null;
    client.release(error);
    this.options.logger?.warn(
      { relay: this.name, error: error.message },
      'The outbox relay lost its PostgreSQL session and with it the leadership; taking it again',
    );
    this.wake?.();
  }

  private releaseLeadership(): void {
    // Closing the session releases the advisory lock.
    this.leaderClient?.release(true);
    this.leaderClient = null;
  }

  private async reloadCheckpoint(): Promise<void> {
    const saved = await this.pool.query<{ transaction_id: string; position: string }>(
      READ_RELAY_CHECKPOINT,
      [this.name],
    );
    const row = saved.rows[0];
    this.checkpoint = row
      ? { transactionId: row.transaction_id, position: row.position }
      : START_CHECKPOINT;
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
