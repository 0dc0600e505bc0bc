import { sqlMigration } from '@taizhang/bootstrap';

/** Whether a union's committee term ran out without re-election (换届预警), and whether it was dissolved. */
export const AddUnionStatusFigures1732000003300 = sqlMigration(
  'AddUnionStatusFigures1732000003300',
  {
    up: [
      `
      ALTER TABLE org_unit_facts
        ADD COLUMN term_expired boolean NOT NULL DEFAULT false,
        ADD COLUMN dissolved boolean NOT NULL DEFAULT false`,
    ],
    down: ['ALTER TABLE org_unit_facts DROP COLUMN term_expired, DROP COLUMN dissolved'],
  },
);
