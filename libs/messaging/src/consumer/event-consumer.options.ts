import type { ConsumerConfig, Kafka, Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Registry } from 'prom-client';

import type { EventEnvelope, EventRegistry } from '@taizhang/contracts';

import type { EventPublicKey } from '../signing/event-public-key';
import type { ConsumerLogger } from './consumer-logger';
import type { ProcessedEventsRetentionPolicy } from './processed-events-retention';
import type { RetryPolicy } from './retry-policy';

/** Where a consumed event came from. */
export interface MessageSource {
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
}

/**
 * Applies one event. `tx` is inside the transaction that also records the event as processed:
 * write the effect with it, and throw to roll both back (the event is then retried).
 */
export type EventHandler = (
  event: EventEnvelope,
  tx: PoolClient,
  source: MessageSource,
) => Promise<void>;

export interface EventConsumerOptions {
  kafka: Kafka;
  /** One group per consuming purpose; every instance of a service uses the same one. */
  groupId: string;
  topics: readonly string[];
  /** How every topic's messages are decoded and upcast, unless `registries` names the topic. */
  registry?: EventRegistry;
  /**
   * One registry per topic, for a group that reads several publishers' topics (reporting reads
   * organisation's, rights', …): each topic's messages are decoded with its own publisher's events.
   */
  registries?: Readonly<Record<string, EventRegistry>>;
  pool: Pool;
  handler: EventHandler;
  retry?: Partial<RetryPolicy>;
  logger?: ConsumerLogger;
  /** Where the metrics are registered, usually the service's `/metrics` registry. */
  metrics?: Registry;
  /** Partitions handled at the same time; each holds one pooled connection while it works. */
  partitionsConsumedConcurrently?: number;
  /**
   * Most events applied in one transaction (each under a savepoint): one commit, one WAL flush,
   * for a run of good events. An event that fails is then retried on its own.
   */
  eventsPerTransaction?: number;
  /**
   * Topics whose messages must be signed by their publisher (ADR 0007), each with the publisher's
   * public key: an unsigned, altered or otherwise-signed message is dead-lettered
   * (`INVALID_SIGNATURE`), and while the key cannot be had messages stay unread. Topics not
   * named are not checked.
   */
  signatures?: Readonly<Record<string, EventPublicKey>>;
  /** Where a new group starts: read models need the whole history, so the beginning by default. */
  fromBeginning?: boolean;
  /** kafkajs consumer settings (session timeout, heartbeat, fetch wait), groupId aside. */
  consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  /** The producer for dead letters; an idempotent one of the consumer's own when not given. */
  deadLetterProducer?: Producer;
  /** How often lag is refreshed from the broker, so that a stuck consumer still shows its lag. */
  lagRefreshIntervalMs?: number;
  /** When the group's records of processed events are pruned (README: why that is safe). */
  retention?: Partial<ProcessedEventsRetentionPolicy>;
  /** Time and randomness are injected (STYLE 2.8). */
  clock?: () => Date;
  random?: () => number;
}
