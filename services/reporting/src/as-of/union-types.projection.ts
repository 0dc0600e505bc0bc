import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

import { applyUnitDeltas, LOCK_TREE_SHARED } from './deltas.sql';
import { preparedStatement } from './prepared-statement';
import { UNION_TYPE_FIGURES, UNRECORDED_TYPE } from './union-type-figures';

// The type a union was founded or registered with holds "since always" (nothing of the union
// comes before its founding); a change holds from its date.
const FOUNDED_AS = `
  INSERT INTO union_type_steps (union_id, valid_from, union_type) VALUES ($1, '-infinity', $2)
  ON CONFLICT (union_id, valid_from) DO NOTHING`;

const CHANGED = `
  INSERT INTO union_type_steps (union_id, valid_from, union_type) VALUES ($1, $2, $3)
  ON CONFLICT (union_id, valid_from) DO UPDATE SET union_type = EXCLUDED.union_type`;

// Two recomputations of one union (a member's step, the union's own event) wait for each other.
const LOCK_UNIONS = preparedStatement(`
  SELECT pg_advisory_xact_lock(7321004, bucket)
  FROM (SELECT DISTINCT abs(hashtext(unnest($1::text[]))) % 256 AS bucket ORDER BY 1) AS b`);

// What each union should add by type (its own unions and members deltas, each counted under the
// type of every type interval it reaches into), minus what it added so far: the difference.
const RECOMPUTE = preparedStatement(
  applyUnitDeltas(
    `
  own AS (
    SELECT unit_id, day, sum(unions)::int AS unions, sum(members)::int AS members
    FROM unit_deltas WHERE unit_id = ANY($1::text[]) GROUP BY unit_id, day
  ),
  types AS (
    SELECT union_id, valid_from, union_type,
           lead(valid_from, 1, 'infinity'::date) OVER (PARTITION BY union_id ORDER BY valid_from)
             AS valid_to
    FROM union_type_steps WHERE union_id = ANY($1::text[])
  ),
  desired AS (
    SELECT o.unit_id, x.day, t.union_type,
           sum(x.sign * o.unions)::int AS unions, sum(x.sign * o.members)::int AS members
    FROM own o JOIN types t ON t.union_id = o.unit_id AND o.day < t.valid_to
    CROSS JOIN LATERAL (VALUES (greatest(o.day, t.valid_from), 1), (t.valid_to, -1)) AS x(day, sign)
    WHERE x.day <> 'infinity'
    GROUP BY o.unit_id, x.day, t.union_type
  ),
  stored AS (
    SELECT unit_id, day, union_type, -unions AS unions, -members AS members
    FROM ${UNION_TYPE_FIGURES.unitTable} WHERE unit_id = ANY($1::text[])
  ),
  deltas AS (
    SELECT unit_id, day, union_type, sum(unions)::int AS unions, sum(members)::int AS members
    FROM (SELECT * FROM desired UNION ALL SELECT * FROM stored) AS c
    GROUP BY unit_id, day, union_type
    HAVING sum(unions) <> 0 OR sum(members) <> 0
  )`,
    '',
    UNION_TYPE_FIGURES,
  ),
);

// Only unions have type steps: other units of a member's timeline are left out at once.
const TYPED = preparedStatement(
  'SELECT DISTINCT union_id FROM union_type_steps WHERE union_id = ANY($1::text[])',
);

/**
 * Brings the figures by type of these unions up to date with their own figures and type steps:
 * idempotent and independent of arrival order.
 */
export const recomputeUnionTypes = async (
  tx: PoolClient,
  unitIds: readonly string[],
): Promise<void> => {
  if (unitIds.length === 0) return;
  const unionIds = (await tx.query<{ union_id: string }>(TYPED([unitIds]))).rows.map(
    (row) => row.union_id,
  );
  if (unionIds.length === 0) return;
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(LOCK_UNIONS([unionIds]));
  await tx.query(RECOMPUTE([unionIds]));
};

const UNITS_OF_MEMBERS = preparedStatement(`
  SELECT DISTINCT unit_id FROM member_timeline
  WHERE member_id = ANY($1::text[]) AND unit_id IS NOT NULL`);

/** After members' steps: the unions they were ever counted in (a leaving ends a count there). */
export const recomputeUnionTypesOfMembers = async (
  tx: PoolClient,
  memberIds: readonly string[],
): Promise<void> =>
  recomputeUnionTypes(
    tx,
    (await tx.query<{ unit_id: string }>(UNITS_OF_MEMBERS([memberIds]))).rows.map(
      (row) => row.unit_id,
    ),
  );

/** Unions' types from their founding, registration and changes; ends and moves recompute. */
export const projectUnionTypes = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'UnionRegistered':
    case 'UnionEstablished':
      await tx.query(FOUNDED_AS, [data.unionId, data.unionType ?? UNRECORDED_TYPE]);

      return recomputeUnionTypes(tx, [data.unionId]);
    case 'UnionTypeChanged':
      await tx.query(CHANGED, [data.unionId, data.effectiveOn, data.unionType]);

      return recomputeUnionTypes(tx, [data.unionId]);
    case 'UnionDissolved':
    case 'UnionMerged':
      return recomputeUnionTypes(tx, [data.unionId]);
    default:
      return;
  }
};
