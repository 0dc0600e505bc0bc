import { sqlMigration } from '@taizhang/bootstrap';

/** Which employers each established union covers (覆盖单位): the numerator of 建会率. */
export const CreateUnionCoverage1732000004200 = sqlMigration('CreateUnionCoverage1732000004200', {
  up: [
    `
      CREATE TABLE union_coverage (
        employer_id text NOT NULL,
        union_id    text NOT NULL,
        PRIMARY KEY (employer_id, union_id)
      )`,
    'CREATE INDEX union_coverage_union ON union_coverage (union_id)',
  ],
  down: ['DROP TABLE union_coverage'],
});
