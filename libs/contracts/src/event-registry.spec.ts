import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { defineEvent } from './event-definition';
import type { EventContractError } from './event-registry';
import { EventRegistry } from './event-registry';

const RenamedV1 = defineEvent('UnitRenamed', 1, z.object({ name: z.string() }));
const RenamedV2 = defineEvent(
  'UnitRenamed',
  2,
  z.object({ name: z.string(), shortName: z.string() }),
);
const registry = new EventRegistry(
  [RenamedV1, RenamedV2],
  [
    {
      type: 'UnitRenamed',
      fromVersion: 1,
      upcast: (data) => ({
        ...(data as { name: string }),
        shortName: (data as { name: string }).name,
      }),
    },
  ],
);

const envelope = (overrides: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  type: 'UnitRenamed',
  schemaVersion: 1,
  service: 'organisation',
  streamId: 'org-unit-1',
  streamType: 'org-unit',
  streamVersion: 2,
  position: '17',
  occurredAt: '2026-01-02T00:00:00.000Z',
  recordedAt: '2026-01-03T08:00:00.000Z',
  orgUnitId: 'u1',
  orgPath: 'm/d/u1',
  actor: { id: 'user-1', role: 'union_cadre' },
  correlationId: 'c1',
  causationId: null,
  commandId: 'cmd-1',
  data: { name: '市总工会' },
  ...overrides,
});

describe('EventRegistry', () => {
  it('upcasts an old version to the latest one when read', () => {
    const parsed = registry.parseEnvelope(envelope());

    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.data).toEqual({ name: '市总工会', shortName: '市总工会' });
  });

  it('keeps Chinese text exactly as sent', () => {
    const name = '沈阳市和平区总工会 𠮷 ・ 职工之家';
    expect(
      registry.parseEnvelope(envelope({ schemaVersion: 2, data: { name, shortName: name } })).data,
    ).toEqual({ name, shortName: name });
  });

  it('rejects an unknown type, an invalid payload and a malformed envelope with distinct codes', () => {
    const codeOf = (raw: unknown) => {
      try {
        registry.parseEnvelope(raw);
      } catch (error) {
        return (error as EventContractError).code;
      }

      return 'accepted';
    };
    expect(codeOf(envelope({ type: 'Nope' }))).toBe('UNKNOWN_EVENT_TYPE');
    expect(codeOf(envelope({ data: { name: 42 } }))).toBe('INVALID_EVENT_DATA');
    expect(codeOf({ hello: 'world' })).toBe('INVALID_ENVELOPE');
  });
});
