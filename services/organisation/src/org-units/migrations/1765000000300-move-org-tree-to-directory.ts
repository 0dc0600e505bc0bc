import type { QueryRunner } from 'typeorm';

import { sqlMigration } from '@taizhang/bootstrap';
import type { Placement } from '@taizhang/directory';
import { fillOrgTree } from '@taizhang/directory';
import { readEventsOfType } from '@taizhang/event-store';

import { CreateOrgTree1732000005100 } from './1732000005100-create-org-tree';

interface PlacedUnit {
  orgUnitId: string;
  parentId: string | null;
  unitKind?: string;
  effectiveOn?: string;
}

// Each federation unit where it was created, since always, then under each new parent from the
// date of its move (a union's moves are its own stream's business).
const federationPlacements = async (runner: QueryRunner): Promise<Placement[]> =>
  (await readEventsOfType(runner, ['OrgUnitCreated', 'OrgUnitMoved']))
    .map((event) => ({ type: event.type, data: event.data as PlacedUnit }))
    .filter(({ type, data }) => type === 'OrgUnitCreated' || data.unitKind === 'federation')
    .map(({ type, data }) => ({
      unitId: data.orgUnitId,
      validFrom: type === 'OrgUnitCreated' ? '-infinity' : data.effectiveOn!,
      parentId: data.parentId ?? null,
      kind: 'federation',
    }));

/**
 * The federation units move from `org_tree` (current paths only) into the org tree in time of
 * `@taizhang/directory` (after its `CreateOrgTreeInTime`): placed from their own events
 * (created since always, each move from its date), then the paths computed from the placements.
 */
export const MoveOrgTreeToDirectory1765000000300 = sqlMigration(
  'MoveOrgTreeToDirectory1765000000300',
  {
    up: [
      async (queryRunner) =>
        fillOrgTree(queryRunner, { placements: await federationPlacements(queryRunner) }),
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
