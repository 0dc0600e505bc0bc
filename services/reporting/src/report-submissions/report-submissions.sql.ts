/** One row per report submitted, from its event (`ReportSubmitted`'s data and id). */
export const INSERT_SUBMISSION = `
  INSERT INTO report_submissions (report_id, org_unit_id, period_kind, period_value, version,
    supersedes, as_of, known_at, submitted_at, submitted_by, figures, employer_registry, event_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

const COLUMNS = `report_id, org_unit_id, period_kind, period_value, version, supersedes,
  to_char(as_of, 'YYYY-MM-DD') AS as_of, known_at, submitted_at, submitted_by, figures,
  employer_registry, event_id`;

/** A report by its id, with the id of the latest version of its period (itself when latest). */
export const READ_SUBMISSION = `
  SELECT ${COLUMNS},
    (SELECT l.report_id FROM report_submissions l
      WHERE l.org_unit_id = s.org_unit_id AND l.period_kind = s.period_kind
        AND l.period_value = s.period_value
      ORDER BY l.version DESC LIMIT 1) AS latest_report_id
  FROM report_submissions s WHERE report_id = $1`;

/** The latest version of each unit's report for a period, for the units given. */
export const LATEST_SUBMISSIONS = `
  SELECT DISTINCT ON (org_unit_id) ${COLUMNS}
  FROM report_submissions
  WHERE org_unit_id = ANY($1::text[]) AND period_kind = $2 AND period_value = $3
  ORDER BY org_unit_id, version DESC`;

/** The units of reporting's directory given, with their names and kinds. */
export const UNITS = `
  SELECT org_unit_id, name, kind FROM org_unit_facts WHERE org_unit_id = ANY($1::text[])
  ORDER BY kind, name, org_unit_id`;
