import { sqlMigration } from '@taizhang/bootstrap';

/**
 * The term clock keeps its deadlines in `deadlines` (`@taizhang/deadlines`), rebuilt from the
 * store: its own table and projection checkpoint go.
 */
export const RetireUnionTerms1766000001100 = sqlMigration('RetireUnionTerms1766000001100', {
  up: [
    'DROP TABLE IF EXISTS union_terms',
    `DELETE FROM projection_checkpoints WHERE name = 'union-terms'`,
  ],
  // The clock of before is gone: nothing would read the table again.
  down: [],
});
