import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await queryRunner.query(`
      INSERT INTO org_tree (org_unit_id, parent_id, org_path)
      SELECT data->>'orgUnitId', data->>'parentId', data->>'orgPath'
      FROM events WHERE type = 'OrgUnitCreated'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE org_tree');
  }
}
