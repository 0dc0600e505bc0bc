import type { Pool, PoolClient } from 'pg';

import type { MembershipStatus } from './member-step';

type Db = Pool | PoolClient;

/** A member on a date: what they count as and where their membership stood. */
export interface MembershipOn {
  memberId: string;
  status: MembershipStatus;
  /** The union of an active member, the holder of a retained one, the union left. */
  unitId: string;
  holderKind: 'union' | 'federation';
  /** The date of the step that put the member there. */
  since: string;
  /** Null (as the three after it) while a retention or leave has come before the join. */
  joinedOn: string | null;
  gender: 'female' | 'male' | null;
  migrantWorker: boolean | null;
  employmentForm: string | null;
  personalDataErased: boolean;
}

// The step in force on a date is the last one dated on or before it (later versions first
// among steps of one day: a join and a leave on one day leave the member gone).
const MEMBERSHIP_ON = `
  SELECT s.member_id AS "memberId", s.status, s.unit_id AS "unitId",
         s.holder_kind AS "holderKind", to_char(s.day, 'YYYY-MM-DD') AS since,
         to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", m.gender,
         m.migrant_worker AS "migrantWorker", m.employment_form AS "employmentForm",
         coalesce(m.personal_data_erased, false) AS "personalDataErased"
  FROM (
    SELECT * FROM directory_member_steps
    WHERE member_id = $1 AND day <= $2
    ORDER BY day DESC, version DESC LIMIT 1
  ) AS s
  LEFT JOIN directory_members m ON m.member_id = s.member_id`;

/** Member `memberId` on `day` (YYYY-MM-DD), or null before they joined or if unknown. */
export const membershipOn = async (
  db: Db,
  memberId: string,
  day: string,
): Promise<MembershipOn | null> =>
  (await db.query<MembershipOn>(MEMBERSHIP_ON, [memberId, day])).rows[0] ?? null;

/** Whether `memberId` was an active member of union `unitId` on `day`. */
export const isActiveMember = async (
  db: Db,
  memberId: string,
  unitId: string,
  day: string,
): Promise<boolean> => {
  const membership = await membershipOn(db, memberId, day);

  return membership?.status === 'active' && membership.unitId === unitId;
};
