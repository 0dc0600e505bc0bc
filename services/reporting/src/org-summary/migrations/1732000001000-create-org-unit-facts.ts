import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per org unit with its own figures; a unit's summary sums its subtree by path prefix. */
export class CreateOrgUnitFacts1732000001000 implements MigrationInterface {
  name = 'CreateOrgUnitFacts1732000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_unit_facts (
        org_unit_id    text    PRIMARY KEY,
        parent_id      text,
        kind           text    NOT NULL,
        org_path       text    NOT NULL,
        name           text,
        unions         integer NOT NULL DEFAULT 0,
        members        integer NOT NULL DEFAULT 0,
        female_members integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      'CREATE INDEX org_unit_facts_subtree ON org_unit_facts (org_path text_pattern_ops)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE org_unit_facts');
  }
}
