import type { PoolClient } from 'pg';

import type { OrgTreeChange } from './org-tree.events';
import { orgTreeChangeOf } from './org-tree.events';
import type { SubtreeMoveHooks } from './place-unit';
import { placeUnit } from './place-unit';

// A creation delivered again must not undo a later rename or move.
const RECORD_UNIT = `
  INSERT INTO org_units (unit_id, kind, name, recorded_path) VALUES ($1, $2, $3, $4)
  ON CONFLICT (unit_id) DO NOTHING`;

const MOVE_UNIT = 'UPDATE org_units SET recorded_path = $2 WHERE unit_id = $1';

const RENAME_UNIT = 'UPDATE org_units SET name = $2 WHERE unit_id = $1';

const END_UNIT = 'UPDATE org_units SET ended = true WHERE unit_id = $1';

/** Applies one change to the tree in time and to the units' names and ends. */
export const applyOrgTreeChange = async (
  tx: PoolClient,
  change: OrgTreeChange,
  hooks?: SubtreeMoveHooks,
): Promise<void> => {
  switch (change.type) {
    case 'created': {
      const { unitId, kind, name, orgPath } = change.unit;
      await tx.query(RECORD_UNIT, [unitId, kind, name, orgPath]);

      return placeUnit(tx, change.placement, hooks);
    }
    case 'moved':
      await tx.query(MOVE_UNIT, [change.placement.unitId, change.orgPath]);

      return placeUnit(tx, change.placement, hooks);
    case 'renamed':
      await tx.query(RENAME_UNIT, [change.unitId, change.name]);

      return;
    case 'ended':
      await tx.query(END_UNIT, [change.unitId]);

      return;
  }
};

/**
 * Keeps the org tree from `taizhang.organisation.v1` (DESIGN §3: each service its replica, never
 * a read of organisation's database), inside the consumer's transaction. Redelivery changes
 * nothing: a placement already recorded is not recomputed, the rest are plain overwrites.
 */
export const projectOrgTree = async (
  tx: PoolClient,
  event: { type: string; data: unknown },
  hooks?: SubtreeMoveHooks,
): Promise<void> => {
  const change = orgTreeChangeOf(event);
  if (change) await applyOrgTreeChange(tx, change, hooks);
};
