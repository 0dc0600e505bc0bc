import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a union's committee term ran out without re-election (换届预警), and whether it was dissolved. */
export class AddUnionStatusFigures1732000003300 implements MigrationInterface {
  name = 'AddUnionStatusFigures1732000003300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE org_unit_facts
        ADD COLUMN term_expired boolean NOT NULL DEFAULT false,
        ADD COLUMN dissolved boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE org_unit_facts DROP COLUMN term_expired, DROP COLUMN dissolved',
    );
  }
}
