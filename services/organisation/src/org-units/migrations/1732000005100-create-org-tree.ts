import type { MigrationInterface, QueryRunner } from 'typeorm';

import { readEventsOfType } from '@taizhang/event-store';

/**
 * The federation units at their current paths (`org-units/org-tree.ts`), filled from the units
 * recorded before it (none of which had moved yet).
 */
export class CreateOrgTree1732000005100 implements MigrationInterface {
  name = 'CreateOrgTree1732000005100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_tree (
        org_unit_id text PRIMARY KEY,
        parent_id   text,
        org_path    text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX org_tree_subtree ON org_tree (org_path text_pattern_ops)',
    );
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE org_tree');
  }
}
