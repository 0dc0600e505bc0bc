import { sqlMigration } from '@taizhang/bootstrap';

import { knownTable } from '../figure-set';
import { addKnownTables } from '../figure-set.migration';
import { HEADCOUNT_DATES, ORGANISATION_FIGURES } from '../organisation-figures';

const SETS = [ORGANISATION_FIGURES, HEADCOUNT_DATES];

/**
 * Figures as known at an instant (DESIGN §7): organisation's two sets get their logs by recording
 * time (filled from what is there as known since always), and each member step its event's
 * recording instant. A set created later gets its logs from `figureSetMigration`.
 */
export const AddKnownAt1767600000001 = sqlMigration('AddKnownAt1767600000001', {
  up: [
    `ALTER TABLE member_timeline ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT '-infinity'`,
    ...SETS.flatMap(addKnownTables),
  ],
  down: [
    `DROP TABLE ${SETS.flatMap((s) => [s.unitTable, s.subtreeTable])
      .map(knownTable)
      .join(', ')}`,
    'ALTER TABLE member_timeline DROP COLUMN recorded_at',
  ],
});
