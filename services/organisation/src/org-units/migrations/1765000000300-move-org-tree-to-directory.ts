import { sqlMigration } from '@taizhang/bootstrap';
import { fillOrgTree } from '@taizhang/directory';

import { CreateOrgTree1732000005100 } from './1732000005100-create-org-tree';

/**
 * The federation units move from `org_tree` (current paths only) into the org tree in time of
 * `@taizhang/directory` (after its `CreateOrgTreeInTime`): placed from their own events
 * (created since always, each move from its date), then the paths computed from the placements.
 */
export const MoveOrgTreeToDirectory1765000000300 = sqlMigration(
  'MoveOrgTreeToDirectory1765000000300',
  {
    up: [
      (queryRunner) =>
        fillOrgTree(queryRunner, {
          placements: `
        SELECT data->>'orgUnitId', '-infinity'::date, data->>'parentId', 'federation'
        FROM events WHERE type = 'OrgUnitCreated'
        UNION ALL
        SELECT data->>'orgUnitId', (data->>'effectiveOn')::date, data->>'parentId', 'federation'
        FROM events WHERE type = 'OrgUnitMoved' AND data->>'unitKind' = 'federation'`,
        }),
      'DROP TABLE org_tree',
    ],
    down: [
      // The tree as created, then where each unit is now.
      (queryRunner) => new CreateOrgTree1732000005100().up(queryRunner),
      `
      UPDATE org_tree t SET org_path = p.org_path,
        parent_id = (SELECT parent_id FROM org_placements pl WHERE pl.unit_id = t.org_unit_id
                     ORDER BY valid_from DESC LIMIT 1)
      FROM org_paths p WHERE p.unit_id = t.org_unit_id AND p.valid_to = 'infinity'`,
      'TRUNCATE org_paths, org_placements',
    ],
  },
);
