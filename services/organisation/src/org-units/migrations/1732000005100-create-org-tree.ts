import type { QueryRunner } from 'typeorm';

import { sqlMigration } from '@taizhang/bootstrap';
import { readEventsOfType } from '@taizhang/event-store';

const fillFromCreatedUnits = async (queryRunner: QueryRunner): Promise<void> => {
  const created = (await readEventsOfType(queryRunner, ['OrgUnitCreated'])).map(
    (event) => event.data as { orgUnitId: string; parentId: string | null; orgPath: string },
  );
  await queryRunner.query(
    `INSERT INTO org_tree (org_unit_id, parent_id, org_path)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
    [
      created.map((unit) => unit.orgUnitId),
      created.map((unit) => unit.parentId ?? null),
      created.map((unit) => unit.orgPath),
    ],
  );
};

/**
 * The federation units at their current paths (`org-units/org-tree.ts`), filled from the units
 * recorded before it (none of which had moved yet).
 */
export const CreateOrgTree1732000005100 = sqlMigration('CreateOrgTree1732000005100', {
  up: [
    `
      CREATE TABLE org_tree (
        org_unit_id text PRIMARY KEY,
        parent_id   text,
        org_path    text NOT NULL
      )`,
    'CREATE INDEX org_tree_subtree ON org_tree (org_path text_pattern_ops)',
    fillFromCreatedUnits,
  ],
  down: ['DROP TABLE org_tree'],
});
