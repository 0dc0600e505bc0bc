import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member directory (`member-directory.projection.ts`): what each member counts as
 * (`directory_members`) and each step of their membership from its date
 * (`directory_member_steps`). No personal data: nothing organisation encrypts is kept.
 */
export class CreateMemberDirectory1765000000100 implements MigrationInterface {
  name = 'CreateMemberDirectory1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Facts are null only while an erasure has come before the member's join (another partition).
    await queryRunner.query(`
      CREATE TABLE directory_members (
        member_id             text PRIMARY KEY,
        version               integer NOT NULL,
        joined_on             date,
        gender                text,
        migrant_worker        boolean,
        employment_form       text,
        personal_data_erased  boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_member_steps (
        member_id   text    NOT NULL,
        version     integer NOT NULL,
        day         date    NOT NULL,
        status      text    NOT NULL,
        unit_id     text    NOT NULL,
        holder_kind text    NOT NULL,
        PRIMARY KEY (member_id, version)
      )`);
    await queryRunner.query(
      'CREATE INDEX directory_member_steps_unit ON directory_member_steps (unit_id, day)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE directory_member_steps, directory_members');
  }
}
