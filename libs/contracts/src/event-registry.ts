import { z } from 'zod';

import type { EventEnvelope } from './envelope';
import { EventEnvelopeSchema } from './envelope';
import type { EventDefinition, Upcaster } from './event-definition';

/** Why a message cannot be turned into a known, valid event; the consumer dead-letters it. */
export class EventContractError extends Error {
  constructor(
    readonly code: 'INVALID_ENVELOPE' | 'UNKNOWN_EVENT_TYPE' | 'INVALID_EVENT_DATA',
    message: string,
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}

const key = (type: string, version: number): string => `${type}@${version}`;

/**
 * Knows every event type and version, validates payloads and upcasts old versions to the latest
 * one when they are read.
 */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();
  private readonly latest = new Map<string, number>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(definitions: readonly EventDefinition[], upcasters: readonly Upcaster[] = []) {
    for (const definition of definitions) {
      this.definitions.set(key(definition.type, definition.schemaVersion), definition);
      const current = this.latest.get(definition.type) ?? 0;
      if (definition.schemaVersion > current)
        this.latest.set(definition.type, definition.schemaVersion);
    }
    for (const upcaster of upcasters)
      this.upcasters.set(key(upcaster.type, upcaster.fromVersion), upcaster);
  }

  has(type: string): boolean {
    return this.latest.has(type);
  }

  latestVersion(type: string): number {
    const version = this.latest.get(type);
    if (version === undefined)
      throw new EventContractError('UNKNOWN_EVENT_TYPE', `Unknown event type "${type}"`);

    return version;
  }

  /** Validates `data` against the schema of `type` at `version` and returns the parsed payload. */
  validate(type: string, version: number, data: unknown): unknown {
    const definition = this.definitions.get(key(type, version));
    if (!definition)
      throw new EventContractError(
        'UNKNOWN_EVENT_TYPE',
        `Unknown event type "${type}" at schema version ${version}`,
      );
    const result = definition.schema.safeParse(data);
    if (!result.success)
      throw new EventContractError(
        'INVALID_EVENT_DATA',
        `${type} v${version} does not match its schema: ${z.prettifyError(result.error)}`,
      );

    return result.data;
  }

  /** Validates a payload at its own version, then upcasts it step by step to the latest version. */
  upcast(type: string, version: number, data: unknown): { schemaVersion: number; data: unknown } {
    let current = this.validate(type, version, data);
    let at = version;
    const target = this.latestVersion(type);
    while (at < target) {
      const upcaster = this.upcasters.get(key(type, at));
      if (!upcaster)
        throw new EventContractError(
          'UNKNOWN_EVENT_TYPE',
          `No upcaster for ${type} from schema version ${at}`,
        );
      at += 1;
      current = this.validate(type, at, upcaster.upcast(current));
    }

    return { schemaVersion: at, data: current };
  }

  /** Parses a raw message (already JSON-decoded) into a valid envelope at the latest schema version. */
  parseEnvelope(raw: unknown): EventEnvelope {
    const envelope = EventEnvelopeSchema.safeParse(raw);
    if (!envelope.success)
      throw new EventContractError(
        'INVALID_ENVELOPE',
        `Not a Taizhang event envelope: ${z.prettifyError(envelope.error)}`,
      );
    const { schemaVersion, data } = this.upcast(
      envelope.data.type,
      envelope.data.schemaVersion,
      envelope.data.data,
    );

    return { ...envelope.data, schemaVersion, data };
  }
}
