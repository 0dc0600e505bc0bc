import type { MigrationInterface, QueryRunner } from 'typeorm';

import type { MigrationClass } from './typeorm-options';

/**
 * One step of a migration: a SQL statement, or what one statement cannot say (filling a new table
 * from the events already stored).
 */
export type MigrationStep = string | ((queryRunner: QueryRunner) => Promise<void>);

export interface MigrationSteps {
  up: readonly MigrationStep[];
  down: readonly MigrationStep[];
}

const run = async (queryRunner: QueryRunner, steps: readonly MigrationStep[]): Promise<void> => {
  for (const step of steps)
    if (typeof step === 'string') await queryRunner.query(step);
    else await step(queryRunner);
};

/**
 * A TypeORM migration declared as its steps, run in order. `name` is what TypeORM records and
 * orders by (it ends with the timestamp), so it must never change once the migration has run.
 *
 * `export const CreatePersonKeys1732000002100 = sqlMigration('CreatePersonKeys1732000002100', {
 *   up: ['CREATE TABLE person_keys (…)'], down: ['DROP TABLE person_keys'] });`
 */
export const sqlMigration = (name: string, steps: MigrationSteps): MigrationClass =>
  class SqlMigration implements MigrationInterface {
    name = name;

    up(queryRunner: QueryRunner): Promise<void> {
      return run(queryRunner, steps.up);
    }

    down(queryRunner: QueryRunner): Promise<void> {
      return run(queryRunner, steps.down);
    }
  };
