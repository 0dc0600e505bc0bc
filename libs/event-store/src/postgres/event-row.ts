import type { ActorRole } from '@taizhang/contracts';

import type { StoredEvent } from '../core/stored-event';

/** An `events` row as pg returns it. */
export interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  recorded_at: Date;
  org_unit_id: string;
  org_path: string;
  data: unknown;
  metadata: EventMetadataColumn;
  prev_position: string | null;
  prev_hash: string;
  hash: string;
}

/** What the `metadata` column holds: who acted, and which command and conversation it came from. */
export interface EventMetadataColumn {
  service: string;
  actor: { id: string; role: ActorRole };
  correlationId: string;
  causationId: string | null;
  commandId: string | null;
}

export const EVENT_COLUMNS = `position, transaction_id, stream_id, stream_type, stream_version,
  event_id, type, schema_version, occurred_at, recorded_at, org_unit_id, org_path, data, metadata,
  prev_position, prev_hash, hash`;

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  service: row.metadata.service,
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamVersion: row.stream_version,
  position: row.position,
  occurredAt: row.occurred_at.toISOString(),
  recordedAt: row.recorded_at.toISOString(),
  orgUnitId: row.org_unit_id,
  orgPath: row.org_path,
  actor: row.metadata.actor,
  correlationId: row.metadata.correlationId,
  causationId: row.metadata.causationId,
  commandId: row.metadata.commandId,
  data: row.data,
  prevPosition: row.prev_position,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** The `metadata` column of a new event, as JSON text. */
export const toMetadataColumn = (event: StoredEvent): string =>
  JSON.stringify({
    service: event.service,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    commandId: event.commandId,
  } satisfies EventMetadataColumn);
