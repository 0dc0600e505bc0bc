import { sqlMigration } from '@taizhang/bootstrap';
import { fillOrgTree } from '@taizhang/directory';

import { CREATE_GATEWAY_ORG_UNITS } from './1760100000000-create-gateway-tables';

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
      (runner) =>
        fillOrgTree(runner, {
          placements: `SELECT org_unit_id, '-infinity'::date, parent_id, kind FROM gateway_org_units`,
          units: 'SELECT org_unit_id, kind, name, org_path, dissolved FROM gateway_org_units',
        }),
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
