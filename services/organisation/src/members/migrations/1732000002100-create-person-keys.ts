import { sqlMigration } from '@taizhang/bootstrap';

/**
 * One data key per person (crypto-shredding, DESIGN §4), wrapped under the master key from the
 * configuration. Erasing a person nulls the wrapped key and keeps a tombstone with the time.
 */
export const CreatePersonKeys1732000002100 = sqlMigration('CreatePersonKeys1732000002100', {
  up: [
    `
      CREATE TABLE person_keys (
        key_id        uuid        PRIMARY KEY,
        member_id     text        NOT NULL,
        master_key_id text        NOT NULL,
        wrapped_key   bytea,
        created_at    timestamptz NOT NULL,
        erased_at     timestamptz,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`,
    'CREATE INDEX person_keys_member ON person_keys (member_id)',
  ],
  down: ['DROP TABLE person_keys'],
});
