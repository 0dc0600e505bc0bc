import { randomUUID } from 'node:crypto';

import type { EventEnvelope } from '@taizhang/contracts';
import { organisationRegistry } from '@taizhang/contracts';

/**
 * An `organisation` event as the topic carries it: parsed by organisation's registry, so a
 * payload that does not match its schema fails the test, and v1 payloads are upcast.
 */
export const organisationEvent = (
  type: string,
  data: object,
  at: { unit: string; path: string; streamId: string; version?: number; schemaVersion?: number },
): EventEnvelope =>
  organisationRegistry.parseEnvelope({
    eventId: randomUUID(),
    type,
    schemaVersion: at.schemaVersion ?? 1,
    service: 'organisation',
    streamId: at.streamId,
    streamType: at.streamId.split('-')[0],
    streamVersion: at.version ?? 1,
    position: '1',
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    orgUnitId: at.unit,
    orgPath: at.path,
    actor: { id: 'a', role: 'admin' },
    correlationId: 'c',
    causationId: null,
    commandId: null,
    data,
  });

/** A federation unit's creation. */
export const unitCreated = (id: string, kind: string, parentPath: string | null) => {
  const orgPath = parentPath ? `${parentPath}/${id}` : id;

  return organisationEvent(
    'OrgUnitCreated',
    {
      orgUnitId: id,
      code: id,
      name: `${id}总工会`,
      kind,
      parentId: parentPath?.split('/').pop() ?? null,
      orgPath,
    },
    { unit: id, path: orgPath, streamId: `org-unit-${id}` },
  );
};

/** A grassroots union's registration under `parentPath`. */
export const unionRegistered = (id: string, parentPath: string) => {
  const orgPath = `${parentPath}/${id}`;

  return organisationEvent(
    'UnionRegistered',
    {
      unionId: id,
      name: `${id}工会`,
      parentId: parentPath.split('/').pop(),
      establishedOn: '2020-01-01',
      orgPath,
    },
    { unit: id, path: orgPath, streamId: `union-${id}` },
  );
};

/** A unit's move from `from` to `to` (parent paths) on `effectiveOn`. */
export const unitMoved = (
  id: string,
  unitKind: 'federation' | 'union',
  from: string,
  to: string,
  effectiveOn: string,
  version = 2,
) =>
  organisationEvent(
    'OrgUnitMoved',
    {
      orgUnitId: id,
      unitKind,
      previousParentId: from.split('/').pop(),
      parentId: to.split('/').pop(),
      previousOrgPath: `${from}/${id}`,
      orgPath: `${to}/${id}`,
      effectiveOn,
    },
    { unit: id, path: `${to}/${id}`, streamId: `org-unit-${id}`, version },
  );
