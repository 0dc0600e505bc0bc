import { sqlMigration } from '@taizhang/bootstrap';

/**
 * Member figures beyond the head count (migrant, new-form, retained), and one row per member
 * saying what that member adds to which unit, so that transfers, retentions and leaving move the
 * counts whatever order the events of different unions arrive in.
 */
export const AddMemberFigures1732000003100 = sqlMigration('AddMemberFigures1732000003100', {
  up: [
    `
      ALTER TABLE org_unit_facts
        ADD COLUMN migrant_members      integer NOT NULL DEFAULT 0,
        ADD COLUMN new_form_members     integer NOT NULL DEFAULT 0,
        ADD COLUMN retained_memberships integer NOT NULL DEFAULT 0`,
    `
      CREATE TABLE member_facts (
        member_id            text     PRIMARY KEY,
        version              integer  NOT NULL DEFAULT 0,
        org_unit_id          text,
        members              smallint NOT NULL DEFAULT 0,
        female_members       smallint NOT NULL DEFAULT 0,
        migrant_members      smallint NOT NULL DEFAULT 0,
        new_form_members     smallint NOT NULL DEFAULT 0,
        retained_memberships smallint NOT NULL DEFAULT 0
      )`,
  ],
  down: [
    'DROP TABLE member_facts',
    `
      ALTER TABLE org_unit_facts
        DROP COLUMN migrant_members, DROP COLUMN new_form_members, DROP COLUMN retained_memberships`,
  ],
});
