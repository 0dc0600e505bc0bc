import type { Pool } from 'pg';

import type { OrgUnitKind } from './org-tree.projection';

/** One org unit as the gateway's replica knows it. */
export interface OrgUnitRow {
  orgUnitId: string;
  parentId: string | null;
  kind: OrgUnitKind;
  orgPath: string;
  name: string;
  dissolved: boolean;
}

const COLUMNS = `org_unit_id AS "orgUnitId", parent_id AS "parentId", kind, org_path AS "orgPath",
  name, dissolved`;

const FIND_UNIT = `SELECT ${COLUMNS} FROM gateway_org_units WHERE org_unit_id = $1`;

const LIST_UNITS = `SELECT ${COLUMNS} FROM gateway_org_units ORDER BY org_path LIMIT $1 OFFSET $2`;

/** The unit with this id, or null if the replica has not heard of it. */
export const findOrgUnit = async (pool: Pool, orgUnitId: string): Promise<OrgUnitRow | null> => {
  const { rows } = await pool.query<OrgUnitRow>(FIND_UNIT, [orgUnitId]);

  return rows[0] ?? null;
};

/** Every known unit, in path order (a parent before its children). */
export const listOrgUnits = async (
  pool: Pool,
  { limit, offset }: { limit: number; offset: number },
): Promise<OrgUnitRow[]> => (await pool.query<OrgUnitRow>(LIST_UNITS, [limit, offset])).rows;
