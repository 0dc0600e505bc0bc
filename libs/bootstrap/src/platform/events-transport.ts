import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import type { EventRegistry } from '@taizhang/contracts';
import { poolOf } from '@taizhang/event-store';
import {
  createKafka,
  EventConsumerTransport,
  eventPublicKeyFromEnv,
  nestConsumerLogger,
} from '@taizhang/messaging';

import { PlatformConfig } from '../config/platform-config';

/** A topic a service reads: how its events are decoded and whose signature they must carry. */
export interface ConsumedTopic {
  /** As `@taizhang/contracts` names it (`Topics.organisation`); the deployment's suffix is added. */
  topic: string;
  /** Decodes and upcasts the publisher's events. */
  registry: EventRegistry;
  /**
   * The publishing service (ADR 0007): a message without its valid signature is dead-lettered
   * (`INVALID_SIGNATURE`); its public key is `eventPublicKeyFromEnv(signedBy)`.
   */
  signedBy: string;
}

export interface EventsTransportOptions {
  /** The consumer group, shared by every instance of the service (`reporting.read-models`). */
  group: string;
  topics: readonly ConsumedTopic[];
  /** Partitions applied side by side (4 by default); 1 when every event writes the same rows. */
  partitionsConsumedConcurrently?: number;
  /** Where the publishers' public keys are found; the process's environment by default. */
  env?: Record<string, string | undefined>;
}

/**
 * The microservice transport that feeds a service's `@EventPattern(Topics.…)` handlers from Kafka:
 * one consumer group over every topic the service reads, each decoded with its publisher's
 * registry and checked against its publisher's signature, on the app's database pool and
 * `/metrics` registry. Connect it with `app.connectMicroservice({ strategy }, { inheritAppConfig: true })`.
 */
export const eventsTransport = (
  app: INestApplication,
  { group, topics, partitionsConsumedConcurrently, env = process.env }: EventsTransportOptions,
): EventConsumerTransport => {
  const config = app.get(PlatformConfig);
  const logger = nestConsumerLogger(new Logger(`Events ${group}`));
  const named = topics.map((read) => ({ ...read, topic: config.kafka.topic(read.topic) }));

  return new EventConsumerTransport({
    kafka: createKafka({
      clientId: group,
      brokers: config.kafka.brokers,
      logger,
    }),
    // With the topics' suffix: test runs sharing one broker (each with its own topics) must not
    // share a group, or the group hands one run's partitions to another's consumer.
    groupId: config.kafka.topic(group),
    registries: Object.fromEntries(named.map(({ topic, registry }) => [topic, registry])),
    signatures: Object.fromEntries(
      named.map(({ topic, signedBy }) => [topic, eventPublicKeyFromEnv(signedBy, env)]),
    ),
    // The app's pool: its lost sessions are handled (`handleLostConnections`) like the app's own.
    pool: poolOf(app.get<DataSource>(getDataSourceToken())),
    metrics: app.get(Registry),
    logger,
    topicFor: (pattern) => config.kafka.topic(pattern),
    ...(partitionsConsumedConcurrently !== undefined ? { partitionsConsumedConcurrently } : {}),
  });
};
