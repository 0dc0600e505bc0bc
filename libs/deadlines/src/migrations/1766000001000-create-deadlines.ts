import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every deadline of every clock of a service, kept from its store (`@taizhang/deadlines`): one
 * row per clock and key, started, settled or handled by the clock's events and its runs.
 */
export class CreateDeadlines1766000001000 implements MigrationInterface {
  name = 'CreateDeadlines1766000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadlines (
        clock      text        NOT NULL,
        key        text        NOT NULL,
        due_on     date        NOT NULL,
        data       jsonb,
        started_by uuid        NOT NULL,
        settled_by uuid,
        handled_at timestamptz,
        outcome    text        CHECK (outcome IN ('ran', 'refused')),
        PRIMARY KEY (clock, key)
      )`);
    await queryRunner.query(
      'CREATE INDEX deadlines_due ON deadlines (clock, due_on) WHERE settled_by IS NULL AND handled_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deadlines');
  }
}
