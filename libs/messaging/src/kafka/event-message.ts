import type { Message } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';

/** Header names every event message carries, so consumers can route without parsing the value. */
export const EventHeaders = {
  type: 'event-type',
  id: 'event-id',
  schemaVersion: 'schema-version',
  /** The publishing service's Ed25519 signature of the value (ADR 0007), added by the relay. */
  signature: 'event-signature',
} as const;

/**
 * The Kafka message for a stored event: keyed by its org unit so that everything about one union
 * stays in one partition and in order, the envelope as JSON, its identity in headers.
 */
export const toEventMessage = (envelope: EventEnvelope): Message => ({
  key: envelope.orgUnitId,
  value: JSON.stringify(envelope),
  headers: {
    [EventHeaders.type]: envelope.type,
    [EventHeaders.id]: envelope.eventId,
    [EventHeaders.schemaVersion]: String(envelope.schemaVersion),
  },
});
