import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member figures beyond the head count (migrant, new-form, retained), and one row per member
 * saying what that member adds to which unit, so that transfers, retentions and leaving move the
 * counts whatever order the events of different unions arrive in.
 */
export class AddMemberFigures1732000003100 implements MigrationInterface {
  name = 'AddMemberFigures1732000003100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE org_unit_facts
        ADD COLUMN migrant_members      integer NOT NULL DEFAULT 0,
        ADD COLUMN new_form_members     integer NOT NULL DEFAULT 0,
        ADD COLUMN retained_memberships integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE member_facts (
        member_id            text     PRIMARY KEY,
        version              integer  NOT NULL DEFAULT 0,
        org_unit_id          text,
        members              smallint NOT NULL DEFAULT 0,
        female_members       smallint NOT NULL DEFAULT 0,
        migrant_members      smallint NOT NULL DEFAULT 0,
        new_form_members     smallint NOT NULL DEFAULT 0,
        retained_memberships smallint NOT NULL DEFAULT 0
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE member_facts');
    await queryRunner.query(`
      ALTER TABLE org_unit_facts
        DROP COLUMN migrant_members, DROP COLUMN new_form_members, DROP COLUMN retained_memberships`);
  }
}
