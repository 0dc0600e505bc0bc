import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each local projection of a service stopped reading the store (commit order). */
export class CreateProjectionCheckpoints1732000002000 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1732000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name           text        PRIMARY KEY,
        transaction_id xid8        NOT NULL,
        position       bigint      NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_checkpoints');
  }
}
