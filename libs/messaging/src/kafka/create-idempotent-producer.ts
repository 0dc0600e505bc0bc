import type { Kafka, Producer, ProducerConfig } from 'kafkajs';

/**
 * A producer whose retries never duplicate or reorder a partition's messages (KIP-98): idempotent,
 * one request in flight, no topic auto-creation. kafkajs sends with `acks: -1` (all in-sync
 * replicas) by default and refuses any other value for an idempotent producer.
 */
export const createIdempotentProducer = (
  kafka: Kafka,
  config: Omit<ProducerConfig, 'idempotent' | 'maxInFlightRequests'> = {},
): Producer =>
  kafka.producer({
    allowAutoTopicCreation: false,
    ...config,
    idempotent: true,
    maxInFlightRequests: 1,
  });
