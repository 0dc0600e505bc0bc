import type { Pool } from 'pg';

import { findOrgPath, subtreeParams } from './org-subtree';

/** What a federation officer reads for a unit: its whole subtree summed (DESIGN §6). */
export interface OrgUnitSummary {
  orgUnitId: string;
  unions: number;
  members: number;
  femaleMembers: number;
  migrantMembers: number;
  newFormMembers: number;
  retainedMemberships: number;
  /** Unions whose committee term ran out without re-election (换届预警). */
  termsExpired: number;
}

const SUM_SUBTREE = `
  SELECT count(*) FILTER (WHERE kind = 'union' AND NOT dissolved)::int AS unions,
         count(*) FILTER (WHERE kind = 'union' AND term_expired AND NOT dissolved)::int AS terms_expired,
         coalesce(sum(members), 0)::int AS members,
         coalesce(sum(female_members), 0)::int AS female_members,
         coalesce(sum(migrant_members), 0)::int AS migrant_members,
         coalesce(sum(new_form_members), 0)::int AS new_form_members,
         coalesce(sum(retained_memberships), 0)::int AS retained_memberships
  FROM org_unit_facts
  WHERE org_path = $1 OR org_path LIKE $2`;

/** The summary of a unit and everything under it, or null when the unit is unknown. */
export const orgUnitSummary = async (
  pool: Pool,
  orgUnitId: string,
): Promise<OrgUnitSummary | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : orgUnitSummaryOfSubtree(pool, orgUnitId, path);
};

/** The summary of the unit at `orgPath` and everything under it. */
export const orgUnitSummaryOfSubtree = async (
  pool: Pool,
  orgUnitId: string,
  path: string,
): Promise<OrgUnitSummary> => {
  const { rows } = await pool.query<{
    unions: number;
    members: number;
    female_members: number;
    migrant_members: number;
    new_form_members: number;
    retained_memberships: number;
    terms_expired: number;
  }>(SUM_SUBTREE, subtreeParams(path));
  const sums = rows[0]!;

  return {
    orgUnitId,
    unions: sums.unions,
    members: sums.members,
    femaleMembers: sums.female_members,
    migrantMembers: sums.migrant_members,
    newFormMembers: sums.new_form_members,
    retainedMemberships: sums.retained_memberships,
    termsExpired: sums.terms_expired,
  };
};
