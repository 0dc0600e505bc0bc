/**
 * The rows behind the lists (工会名录, 单位台账, 未建会单位) as now, or as known at an instant:
 * `knownAt` is the query's placeholder of that instant, null for now (always referenced, so
 * that one statement serves both). As known at T, each union's life and each employer's steps
 * are the last version recorded at or before T (`union_life_known`, `employer_steps_known`);
 * a union or employer not yet recorded then is absent. Names and the tree are as now known.
 */

/** A CTE body: each union's life (union_id, established_on, ended_on). */
export const unionLives = (knownAt: string): string => `
    SELECT union_id, established_on, ended_on FROM union_life WHERE ${knownAt} IS NULL
    UNION ALL
    (SELECT DISTINCT ON (union_id) union_id, established_on, ended_on
     FROM union_life_known WHERE recorded_at <= ${knownAt}
     ORDER BY union_id, recorded_at DESC)`;

/**
 * A CTE body: each employer's step in force on `day` (employer_id, unit_id, employers,
 * covered_employers, workforce), the latest on or before it.
 */
export const employerStepsOn = (day: string, knownAt: string): string => `
    SELECT DISTINCT ON (s.employer_id) s.employer_id, s.unit_id, s.employers, s.covered_employers,
           s.workforce
    FROM (
      SELECT employer_id, day, unit_id, employers, covered_employers, workforce
      FROM employer_steps WHERE ${knownAt} IS NULL
      UNION ALL
      SELECT k.employer_id, k.day, k.unit_id, k.employers, k.covered_employers, k.workforce
      FROM employer_steps_known k
      JOIN (SELECT DISTINCT ON (employer_id) employer_id, recorded_at
            FROM employer_steps_known WHERE recorded_at <= ${knownAt}
            ORDER BY employer_id, recorded_at DESC) v USING (employer_id, recorded_at)
    ) s
    WHERE s.day <= ${day}
    ORDER BY s.employer_id, s.day DESC`;
