import { createHash } from 'node:crypto';

import { canonicalJson } from './canonical-json';
import type { StoredEvent } from './stored-event';

/**
 * SHA-256 over everything an event says, its own position and its predecessor in the stream
 * (hash and position), so that an edit, deletion, insertion or reordering breaks the chain.
 */
export const hashEvent = (event: Omit<StoredEvent, 'hash'>): string =>
  createHash('sha256')
    .update(
      canonicalJson([
        event.prevHash,
        event.prevPosition,
        event.position,
        event.service,
        event.streamId,
        event.streamType,
        event.streamVersion,
        event.eventId,
        event.type,
        event.schemaVersion,
        event.occurredAt,
        event.recordedAt,
        event.orgUnitId,
        event.orgPath,
        event.actor,
        event.correlationId,
        event.causationId,
        event.commandId,
        event.data,
      ]),
    )
    .digest('hex');
