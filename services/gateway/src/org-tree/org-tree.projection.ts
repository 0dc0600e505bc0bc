import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

/** The kinds of org unit the gateway knows: the federation levels and grassroots unions. */
export type OrgUnitKind = 'municipal' | 'district' | 'street' | 'union';

const UPSERT_UNIT = `
  INSERT INTO gateway_org_units (org_unit_id, parent_id, kind, org_path, name, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET parent_id = EXCLUDED.parent_id, kind = EXCLUDED.kind, org_path = EXCLUDED.org_path,
      name = EXCLUDED.name, updated_at = EXCLUDED.updated_at`;

const RENAME_UNIT = `
  UPDATE gateway_org_units SET name = $2, updated_at = $3 WHERE org_unit_id = $1`;

// A move carries everything under the unit along: every path that starts with the old one.
const MOVE_SUBTREE = `
  UPDATE gateway_org_units
  SET org_path = $3 || substr(org_path, length($2) + 1),
      parent_id = CASE WHEN org_unit_id = $1 THEN $4 ELSE parent_id END, updated_at = $5
  WHERE org_path = $2 OR starts_with(org_path, $2 || '/')`;

const DISSOLVE_UNIT = `
  UPDATE gateway_org_units SET dissolved = true, updated_at = $2 WHERE org_unit_id = $1`;

/**
 * Keeps the gateway's replica of the org tree (DESIGN §3: a replica built from
 * `taizhang.organisation.v1`, never a read of organisation's database): which units exist, of
 * what kind, and their org paths, so that accounts can be placed in a unit and tokens carry its
 * path. Runs in the consumer's transaction, which also records the event as processed.
 */
export const projectOrgTree = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'OrgUnitCreated':
      await tx.query(UPSERT_UNIT, [
        data.orgUnitId,
        data.parentId,
        data.kind,
        data.orgPath,
        data.name,
        event.recordedAt,
      ]);
      break;
    case 'UnionRegistered':
    case 'UnionEstablished':
      await tx.query(UPSERT_UNIT, [
        data.unionId,
        data.parentId,
        'union',
        data.orgPath,
        data.name,
        event.recordedAt,
      ]);
      break;
    case 'UnionRenamed':
      await tx.query(RENAME_UNIT, [data.unionId, data.name, event.recordedAt]);
      break;
    case 'OrgUnitRenamed':
      await tx.query(RENAME_UNIT, [data.orgUnitId, data.name, event.recordedAt]);
      break;
    case 'OrgUnitMoved':
      await tx.query(MOVE_SUBTREE, [
        data.orgUnitId,
        data.previousOrgPath,
        data.orgPath,
        data.parentId,
        event.recordedAt,
      ]);
      break;
    case 'UnionDissolved':
    case 'UnionMerged':
      // A merged union ends as a dissolved one does: no account is placed in it any more.
      await tx.query(DISSOLVE_UNIT, [data.unionId, event.recordedAt]);
      break;
    default:
      break;
  }
};
