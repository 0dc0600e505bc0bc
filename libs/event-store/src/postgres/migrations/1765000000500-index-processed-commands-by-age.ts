import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the oldest Idempotency-Keys without reading the table, for their retention. */
export class IndexProcessedCommandsByAge1765000000500 implements MigrationInterface {
  name = 'IndexProcessedCommandsByAge1765000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX processed_commands_recorded_at ON processed_commands (recorded_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX processed_commands_recorded_at');
  }
}
