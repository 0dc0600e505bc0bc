import { randomUUID } from 'node:crypto';

import type { Pool } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { stampRecordedAt } from '../src/as-of/deltas.sql';
import { projectOrganisationEvent } from '../src/organisation-event.projection';

/**
 * An `organisation` event as reporting's consumer receives it, about the unit at the end of
 * `orgPath`; a test overrides only what it cares about.
 */
export const organisationEnvelope = (
  type: string,
  orgPath: string,
  data: unknown,
  overrides: Partial<EventEnvelope> = {},
): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  service: 'organisation',
  streamId: `s-${orgPath}`,
  streamType: 'x',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
  orgUnitId: orgPath.split('/').pop()!,
  orgPath,
  actor: { id: 'a', role: 'admin' },
  correlationId: 'c',
  causationId: null,
  commandId: null,
  data,
  ...overrides,
});

/** The `OrgUnitCreated` of unit `id` at `orgPath`, its code the id and its name `<id>工会`. */
export const orgUnitCreated = (
  id: string,
  kind: string,
  parentId: string | null,
  orgPath: string,
  overrides: Partial<EventEnvelope> = {},
): EventEnvelope =>
  organisationEnvelope(
    'OrgUnitCreated',
    orgPath,
    { orgUnitId: id, code: id, name: `${id}工会`, kind, parentId, orgPath },
    overrides,
  );

/** A federation unit moved from `previousOrgPath` to `orgPath` from `effectiveOn` (OrgUnitMoved). */
export const federationUnitMoved = (
  previousOrgPath: string,
  orgPath: string,
  effectiveOn: string,
  overrides: Partial<EventEnvelope> = {},
): EventEnvelope => {
  const [previousParentId, parentId] = [previousOrgPath, orgPath].map((p) => p.split('/').at(-2)!);

  return organisationEnvelope(
    'OrgUnitMoved',
    orgPath,
    {
      orgUnitId: orgPath.split('/').pop()!,
      unitKind: 'federation',
      previousParentId,
      parentId,
      previousOrgPath,
      orgPath,
      effectiveOn,
    },
    overrides,
  );
};

/**
 * Applies the events in order on one connection of `pool`, as reporting's consumer would: each in
 * its own transaction, its deltas recorded at its `recordedAt`.
 */
export const projectAll = async (pool: Pool, events: readonly EventEnvelope[]): Promise<void> => {
  const client = await pool.connect();
  try {
    for (const event of events) {
      await client.query('BEGIN');
      try {
        await stampRecordedAt(client, event.recordedAt);
        await projectOrganisationEvent(event, client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    client.release();
  }
};
