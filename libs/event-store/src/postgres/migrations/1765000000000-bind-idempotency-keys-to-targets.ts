import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The target an Idempotency-Key was used on (method, route and the ids in the path), so that the
 * same key on another target is refused. Keys recorded before keep null and are compared as
 * they were then, by their request hash alone.
 */
export class BindIdempotencyKeysToTargets1765000000000 implements MigrationInterface {
  name = 'BindIdempotencyKeysToTargets1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE processed_commands ADD COLUMN request_target text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE processed_commands DROP COLUMN request_target');
  }
}
