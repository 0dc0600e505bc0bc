import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

const UPSERT_FEDERATION_UNIT = `
  INSERT INTO org_unit_facts (org_unit_id, parent_id, kind, org_path, name)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET parent_id = EXCLUDED.parent_id, kind = EXCLUDED.kind, org_path = EXCLUDED.org_path,
      name = EXCLUDED.name`;

// A union's own events share its partition, so these always follow its registration.
const MARK_DISSOLVED = 'UPDATE org_unit_facts SET dissolved = true WHERE org_unit_id = $1';
const RENAME = 'UPDATE org_unit_facts SET name = $2 WHERE org_unit_id = $1';

// The unit's current parent and path, and those of everything recorded under it (figures as of
// a date come from the tree in time, `as-of/`; this is the directory of units as they are now).
const MOVE_SUBTREE = `
  UPDATE org_unit_facts
  SET org_path = $3 || substr(org_path, length($2) + 1),
      parent_id = CASE WHEN org_unit_id = $1 THEN $4 ELSE parent_id END
  WHERE org_path = $2 OR starts_with(org_path, $2 || '/')`;

const UPSERT_UNION = `
  INSERT INTO org_unit_facts (org_unit_id, parent_id, kind, org_path, name)
  VALUES ($1, $2, 'union', $3, $4)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET parent_id = EXCLUDED.parent_id, org_path = EXCLUDED.org_path, name = EXCLUDED.name`;

/**
 * Keeps the directory of units as they are now (id, parent, kind, path, name, dissolved or
 * merged) from one `organisation` event; the figures are in `as-of/`. Runs inside the consumer's transaction
 * (which also records the event as processed, so a redelivery changes nothing).
 */
export const projectOrgUnitFacts = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'OrgUnitCreated':
      await tx.query(UPSERT_FEDERATION_UNIT, [
        data.orgUnitId,
        data.parentId,
        data.kind,
        data.orgPath,
        data.name,
      ]);
      break;
    case 'UnionRegistered':
    case 'UnionEstablished':
      await tx.query(UPSERT_UNION, [data.unionId, data.parentId, data.orgPath, data.name]);
      break;
    case 'UnionDissolved':
    case 'UnionMerged':
      await tx.query(MARK_DISSOLVED, [data.unionId]);
      break;
    case 'UnionRenamed':
      await tx.query(RENAME, [data.unionId, data.name]);
      break;
    case 'OrgUnitRenamed':
      await tx.query(RENAME, [data.orgUnitId, data.name]);
      break;
    case 'OrgUnitMoved':
      await tx.query(MOVE_SUBTREE, [
        data.orgUnitId,
        data.previousOrgPath,
        data.orgPath,
        data.parentId,
      ]);
      break;
  }
};
