import type { Pool } from 'pg';

import { subtreeFiguresAsOf } from '../as-of/figures-as-of.query';
import { findOrgPath } from './org-subtree';

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

/** The summary of a unit and everything under it on a date (null: now), or null when unknown. */
export const orgUnitSummary = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<OrgUnitSummary | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : subtreeFiguresAsOf(pool, orgUnitId, asOf);
};
