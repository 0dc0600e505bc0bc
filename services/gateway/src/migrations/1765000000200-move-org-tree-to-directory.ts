import { sqlMigration } from '@taizhang/bootstrap';
import { fillOrgTree } from '@taizhang/directory';

import { CREATE_GATEWAY_ORG_UNITS } from './1760100000000-create-gateway-tables';

interface ReplicaRow {
  org_unit_id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  org_path: string;
  dissolved: boolean;
}

/**
 * The gateway's org-tree replica moves into the directory's tables (`@taizhang/directory`, after
 * its `CreateOrgTreeInTime`): each unit placed under its current parent since always (the
 * replica kept no history, and the gateway asks only where a unit is now), its name, kind, path
 * and end, then the paths computed from the placements.
 */
export const MoveOrgTreeToDirectory1765000000200 = sqlMigration(
  'MoveOrgTreeToDirectory1765000000200',
  {
    up: [
      async (runner) => {
        const units = (await runner.query(
          'SELECT org_unit_id, parent_id, kind, name, org_path, dissolved FROM gateway_org_units',
        )) as ReplicaRow[];
        await fillOrgTree(runner, {
          placements: units.map((unit) => ({
            unitId: unit.org_unit_id,
            validFrom: '-infinity',
            parentId: unit.parent_id,
            kind: unit.kind,
          })),
          units: units.map((unit) => ({
            unitId: unit.org_unit_id,
            kind: unit.kind,
            name: unit.name,
            recordedPath: unit.org_path,
            ended: unit.dissolved,
          })),
        });
      },
      'DROP TABLE gateway_org_units',
    ],
    down: [
      CREATE_GATEWAY_ORG_UNITS,
      `
      INSERT INTO gateway_org_units (org_unit_id, parent_id, kind, org_path, name, dissolved)
      SELECT unit_id, parent_id, kind, org_path, name, ended FROM org_units_now`,
      'TRUNCATE org_units, org_paths, org_placements',
    ],
  },
);
