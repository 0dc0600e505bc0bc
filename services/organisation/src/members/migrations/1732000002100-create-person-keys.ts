import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per person (crypto-shredding, DESIGN §4), wrapped under the master key from the
 * configuration. Erasing a person nulls the wrapped key and keeps a tombstone with the time.
 */
export class CreatePersonKeys1732000002100 implements MigrationInterface {
  name = 'CreatePersonKeys1732000002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_keys (
        key_id        uuid        PRIMARY KEY,
        member_id     text        NOT NULL,
        master_key_id text        NOT NULL,
        wrapped_key   bytea,
        created_at    timestamptz NOT NULL,
        erased_at     timestamptz,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX person_keys_member ON person_keys (member_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_keys');
  }
}
