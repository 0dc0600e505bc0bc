import type { QueryRunner } from 'typeorm';

import { sqlMigration } from '@taizhang/bootstrap';
import type { EventOfHistory } from '@taizhang/event-store';
import { readEventsOfType } from '@taizhang/event-store';

interface Application {
  unionId: string;
  employerIds: string[];
}

// Employer → union of the earliest application (by position) whose union was neither rejected
// nor dissolved: what this migration's first version computed in SQL from the same events.
const firstClaims = (history: readonly EventOfHistory[]): Map<string, string> => {
  const ended = new Set(
    history.filter((event) => event.type !== 'UnionApplicationSubmitted').map((e) => e.streamId),
  );
  const claims = new Map<string, string>();
  for (const event of history) {
    if (event.type !== 'UnionApplicationSubmitted' || ended.has(event.streamId)) continue;
    const { unionId, employerIds } = event.data as Application;
    for (const employerId of employerIds)
      if (!claims.has(employerId)) claims.set(employerId, unionId);
  }

  return claims;
};

const fillFromFirstClaims = async (queryRunner: QueryRunner): Promise<void> => {
  const claims = firstClaims(
    await readEventsOfType(queryRunner, [
      'UnionApplicationSubmitted',
      'UnionApplicationRejected',
      'UnionDissolved',
    ]),
  );
  await queryRunner.query(
    `INSERT INTO employer_coverage (employer_id, union_id)
       SELECT * FROM unnest($1::text[], $2::text[])`,
    [[...claims.keys()], [...claims.values()]],
  );
};

/**
 * Which union covers, or has applied to cover, each employer (one grassroots union at a time),
 * kept in the transaction of the union's events; rebuilt here from those already stored (no
 * merger existed before this table, and before it nothing stopped two claims: the first stays).
 */
export const CreateEmployerCoverage1732000004100 = sqlMigration(
  'CreateEmployerCoverage1732000004100',
  {
    up: [
      `
      CREATE TABLE employer_coverage (
        employer_id text        PRIMARY KEY,
        union_id    text        NOT NULL,
        claimed_at  timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX employer_coverage_union ON employer_coverage (union_id)',
      fillFromFirstClaims,
    ],
    down: ['DROP TABLE employer_coverage'],
  },
);
