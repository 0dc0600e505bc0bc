import type { PoolClient } from 'pg';

import {
  ADD_TO_SUBTREE_HEADCOUNT_DATES,
  ADD_TO_UNITS,
  applyUnitDeltas,
  knownWrites,
  LOCK_TREE_SHARED,
  RECORDED_AT,
  subtreeHeadcountDatesOf,
} from './deltas.sql';
import { EMPLOYER_FIGURES, HEADCOUNT_DATES, ORGANISATION_FIGURES } from './organisation-figures';
import { preparedStatement } from './prepared-statement';

const LIST = EMPLOYER_FIGURES.join(', ');
const OTHER_FIGURES = ORGANISATION_FIGURES.figures.filter(
  (f) => !(EMPLOYER_FIGURES as readonly string[]).includes(f),
);

/**
 * Each chosen employer's contribution as a step function of the day, from what is known now: open
 * from registration until closing, with the headcounts recorded last on or before the day,
 * covered while a union covering it exists — from its founding congress until it ends, and,
 * handed on by mergers (`union_merges`), by the receiving union from the merger's date.
 * `chosen` is a query of employer ids.
 */
const NEW_STEPS = (chosen: string) => `
  RECURSIVE chosen AS (SELECT DISTINCT employer_id FROM (${chosen}) AS c(employer_id)),
  reach AS MATERIALIZED (
    SELECT c.employer_id, c.union_id, '-infinity'::date AS since
    FROM union_coverage c JOIN chosen USING (employer_id)
    UNION
    SELECT r.employer_id, m.into_union_id, greatest(r.since, m.merged_on)
    FROM reach r JOIN union_merges m ON m.union_id = r.union_id
  ),
  cover AS MATERIALIZED (
    SELECT r.employer_id, greatest(r.since, l.established_on) AS cover_from,
           coalesce(l.ended_on, 'infinity'::date) AS cover_to
    FROM reach r JOIN union_life l ON l.union_id = r.union_id
  ),
  employer AS MATERIALIZED (SELECT e.* FROM employer_facts e JOIN chosen USING (employer_id)),
  days AS MATERIALIZED (
    SELECT employer_id, registered_on AS day FROM employer
    UNION SELECT employer_id, closed_on FROM employer WHERE closed_on IS NOT NULL
    UNION SELECT h.employer_id, h.as_of FROM employer_headcounts h JOIN chosen USING (employer_id)
    UNION SELECT employer_id, cover_from FROM cover
          WHERE cover_from < cover_to AND cover_from <> '-infinity'
    UNION SELECT employer_id, cover_to FROM cover
          WHERE cover_from < cover_to AND cover_to <> 'infinity'
  ),
  states AS MATERIALIZED (
    SELECT d.employer_id, d.day, e.street_id AS unit_id, h.*,
           d.day >= e.registered_on AND (e.closed_on IS NULL OR d.day < e.closed_on)
             AND h.as_of IS NOT NULL AS open,
           EXISTS (SELECT 1 FROM cover c WHERE c.employer_id = d.employer_id
                     AND c.cover_from <= d.day AND d.day < c.cover_to) AS covered
    FROM days d JOIN employer e USING (employer_id)
    LEFT JOIN LATERAL (
      SELECT as_of, headcount, female_headcount, migrant_headcount, new_form_headcount
      FROM employer_headcounts h
      WHERE h.employer_id = d.employer_id AND h.as_of <= d.day
      ORDER BY as_of DESC LIMIT 1
    ) AS h ON true
  ),
  new_steps AS MATERIALIZED (
    SELECT employer_id, day, unit_id,
           CASE WHEN open THEN as_of END AS headcounts_as_of,
           CASE WHEN open THEN 1 ELSE 0 END AS employers,
           CASE WHEN open THEN headcount ELSE 0 END AS workforce,
           CASE WHEN open THEN female_headcount ELSE 0 END AS female_workforce,
           CASE WHEN open THEN migrant_headcount ELSE 0 END AS migrant_workforce,
           CASE WHEN open THEN new_form_headcount ELSE 0 END AS new_form_workforce,
           CASE WHEN open AND covered THEN 1 ELSE 0 END AS covered_employers,
           CASE WHEN open AND covered THEN headcount ELSE 0 END AS unionised_workforce
    FROM states
  )`;

const sumOf = (f: string) => `sum(sign * ${f})`;

// The difference between the steps known (taken off) and the steps now (added): step i counts
// from its day until the next step's day. Only days that change something are written. The
// difference is recorded at the instant of the event that caused the recomputation.
const APPLY = (chosen: string, logged = true) =>
  applyUnitDeltas(
    `${NEW_STEPS(chosen)},
  steps AS (
    SELECT -1 AS sign, s.employer_id, s.day, s.unit_id, s.headcounts_as_of, ${LIST}
    FROM employer_steps s JOIN chosen USING (employer_id)
    UNION ALL
    SELECT 1, employer_id, day, unit_id, headcounts_as_of, ${LIST} FROM new_steps
  ),
  spans AS (
    SELECT *, lead(day) OVER (PARTITION BY sign, employer_id ORDER BY day) AS until FROM steps
  ),
  changes AS (
    SELECT unit_id, day, sign, headcounts_as_of, ${LIST} FROM spans
    UNION ALL
    SELECT unit_id, until, -sign, headcounts_as_of, ${LIST} FROM spans WHERE until IS NOT NULL
  ),
  deltas AS (
    SELECT unit_id, day, ${OTHER_FIGURES.map((f) => `0 AS ${f}`).join(', ')},
           ${EMPLOYER_FIGURES.map((f) => `${sumOf(f)}::int AS ${f}`).join(', ')}
    FROM changes GROUP BY unit_id, day
    HAVING ${EMPLOYER_FIGURES.map((f) => `${sumOf(f)} <> 0`).join(' OR ')}
  ),
  date_deltas AS (
    SELECT unit_id, day, headcounts_as_of AS as_of, ${sumOf('employers')}::int AS employers
    FROM changes WHERE headcounts_as_of IS NOT NULL
    GROUP BY unit_id, day, headcounts_as_of HAVING ${sumOf('employers')} <> 0
  )`,
    `,
  unit_dates_up AS (
    ${ADD_TO_UNITS('SELECT * FROM date_deltas ORDER BY unit_id, day, as_of', HEADCOUNT_DATES)}
  ),
  subtree_dates_up AS (
    ${ADD_TO_SUBTREE_HEADCOUNT_DATES(subtreeHeadcountDatesOf('date_deltas', '1'))}
  )${logged ? knownWrites('date_deltas', HEADCOUNT_DATES, RECORDED_AT, 'dates') : ''}`,
    ORGANISATION_FIGURES,
    RECORDED_AT,
    logged,
  );

// Then the steps now replace those known; with `logged`, they are also kept as the employer's
// version known from the instant of the event (the lists as known at an instant read them).
const REPLACE_STEPS = (chosen: string, logged = true) => `
  WITH ${NEW_STEPS(chosen)},
  up AS (
    INSERT INTO employer_steps (employer_id, day, unit_id, headcounts_as_of, ${LIST})
    SELECT employer_id, day, unit_id, headcounts_as_of, ${LIST} FROM new_steps
    ORDER BY employer_id, day
    ON CONFLICT (employer_id, day) DO UPDATE
    SET unit_id = EXCLUDED.unit_id, headcounts_as_of = EXCLUDED.headcounts_as_of,
        ${EMPLOYER_FIGURES.map((f) => `${f} = EXCLUDED.${f}`).join(', ')}
  )${
    logged
      ? `,
  -- A second recomputation at the same instant (one run, one event) replaces the first's version.
  unlogged AS (
    DELETE FROM employer_steps_known k USING chosen
    WHERE k.employer_id = chosen.employer_id AND k.recorded_at = ${RECORDED_AT}
      AND NOT EXISTS (SELECT 1 FROM new_steps n WHERE n.employer_id = k.employer_id AND n.day = k.day)
  ),
  logged AS (
    INSERT INTO employer_steps_known (employer_id, recorded_at, day, unit_id, headcounts_as_of, ${LIST})
    SELECT employer_id, ${RECORDED_AT}, day, unit_id, headcounts_as_of, ${LIST} FROM new_steps
    ON CONFLICT (employer_id, recorded_at, day) DO UPDATE
    SET unit_id = EXCLUDED.unit_id, headcounts_as_of = EXCLUDED.headcounts_as_of,
        ${EMPLOYER_FIGURES.map((f) => `${f} = EXCLUDED.${f}`).join(', ')}
  )`
      : ''
  }
  DELETE FROM employer_steps s USING chosen
  WHERE s.employer_id = chosen.employer_id
    AND NOT EXISTS (SELECT 1 FROM new_steps n WHERE n.employer_id = s.employer_id AND n.day = s.day)`;

// Two recomputations of one employer (its own event, a union's) wait for each other.
const LOCK_EMPLOYERS = (chosen: string) => `
  SELECT pg_advisory_xact_lock(7321003, bucket)
  FROM (SELECT DISTINCT abs(hashtext(employer_id)) % 256 AS bucket
        FROM (${chosen}) AS c(employer_id) ORDER BY 1) AS b`;

/** Employers given by id. */
const BY_ID = 'SELECT unnest($1::text[])';

/** The employers a union covers, itself or through the unions merged into it. */
const OF_UNION = `
  WITH RECURSIVE merged AS (
    SELECT $1::text AS union_id
    UNION SELECT m.union_id FROM union_merges m JOIN merged ON m.into_union_id = merged.union_id
  )
  SELECT c.employer_id FROM union_coverage c JOIN merged USING (union_id)`;

const ALL = 'SELECT employer_id FROM employer_facts';

/**
 * Every employer at once: the seed, and the migration that introduced these figures (which ran
 * before the logs by recording time existed: `logged` false).
 */
export const recomputeAllEmployers = (logged = true) => [
  APPLY(ALL, logged),
  REPLACE_STEPS(ALL, logged),
];

const APPLY_BY_ID = preparedStatement(APPLY(BY_ID));
const REPLACE_STEPS_BY_ID = preparedStatement(REPLACE_STEPS(BY_ID));
const LOCK_BY_ID = preparedStatement(LOCK_EMPLOYERS(BY_ID));
const EMPLOYERS_OF_UNION = preparedStatement(OF_UNION);

/**
 * Brings the figures of these employers up to date with what is known of them (registration,
 * headcounts by date, closing, coverage): idempotent and independent of arrival order.
 */
export const recomputeEmployers = async (
  tx: PoolClient,
  employerIds: readonly string[],
): Promise<void> => {
  if (employerIds.length === 0) return;
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(LOCK_BY_ID([employerIds]));
  await tx.query(APPLY_BY_ID([employerIds]));
  await tx.query(REPLACE_STEPS_BY_ID([employerIds]));
};

/** The same for the employers a union covers (founded, ended, merged). */
export const recomputeEmployersOfUnion = async (tx: PoolClient, unionId: string) =>
  recomputeEmployers(
    tx,
    (await tx.query<{ employer_id: string }>(EMPLOYERS_OF_UNION([unionId]))).rows.map(
      (r) => r.employer_id,
    ),
  );
