import { sqlMigration } from '@taizhang/bootstrap';

/** One row per org unit with its own figures; a unit's summary sums its subtree by path prefix. */
export const CreateOrgUnitFacts1732000001000 = sqlMigration('CreateOrgUnitFacts1732000001000', {
  up: [
    `
      CREATE TABLE org_unit_facts (
        org_unit_id    text    PRIMARY KEY,
        parent_id      text,
        kind           text    NOT NULL,
        org_path       text    NOT NULL,
        name           text,
        unions         integer NOT NULL DEFAULT 0,
        members        integer NOT NULL DEFAULT 0,
        female_members integer NOT NULL DEFAULT 0
      )`,
    'CREATE INDEX org_unit_facts_subtree ON org_unit_facts (org_path text_pattern_ops)',
  ],
  down: ['DROP TABLE org_unit_facts'],
});
