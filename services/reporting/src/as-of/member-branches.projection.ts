import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

import { BRANCH_FIGURES } from './branch-figures';
import { applyUnitDeltas, LOCK_TREE_SHARED } from './deltas.sql';
import { preparedStatement } from './prepared-statement';

/** One step of a member's placement: from `day`, in which union's which branch unit (or none). */
export interface BranchStep {
  memberId: string;
  version: number;
  day: string;
  unitId: string | null;
  branchId: string | null;
  /** When the step's event was recorded (its envelope's `recordedAt`). */
  recordedAt: string;
}

/**
 * The member event as a step of the member's placement, or null when it is not one: every
 * change of the membership ends a placement (a branch is of one union), a join may start one,
 * `MemberPlacedInBranch` moves it.
 */
export const branchStepOf = (envelope: EventEnvelope): BranchStep | null => {
  const { type, data } = envelope as EventEnvelope & OrganisationEvent;
  const step = (day: string, unitId: string | null, branchId: string | null = null) => ({
    memberId: (data as { memberId: string }).memberId,
    version: envelope.streamVersion,
    day,
    unitId,
    branchId,
    recordedAt: envelope.recordedAt,
  });
  switch (type) {
    case 'MemberJoined':
      return step(data.joinedOn, envelope.orgUnitId, data.branchId ?? null);
    case 'MemberTransferred':
      return step(data.transferredOn, envelope.orgUnitId);
    case 'MembershipRetained':
      return step(data.since, null);
    case 'MemberLeft':
      return step(data.leftOn, null);
    case 'MemberPlacedInBranch':
      return step(data.placedOn, data.unionId, data.branchId);
    default:
      return null;
  }
};

// Two steps of one member from two partitions wait for each other (256 locks, in order).
const LOCK_MEMBERS = preparedStatement(`
  SELECT pg_advisory_xact_lock(7321005, bucket)
  FROM (SELECT DISTINCT abs(hashtext(unnest($1::text[]))) % 256 AS bucket ORDER BY 1) AS b`);

// As the members' timelines (member-timeline.projection.ts): the new steps merged in, and the
// difference of the placements before and after is what each union's branch gains or loses.
// By recording time as the members' timelines: a placement from its day is known from its step's
// recording, its end (the next step's day) from the next step's recording.
const APPLY_STEPS = preparedStatement(
  applyUnitDeltas(
    `
  incoming AS (
    SELECT DISTINCT ON (member_id, version) *
    FROM unnest($1::text[], $2::int[], $3::date[], $4::text[], $5::text[], $6::timestamptz[])
      AS x(member_id, version, day, unit_id, branch_id, recorded_at)
  ),
  fresh AS (
    SELECT i.* FROM incoming i
    WHERE NOT EXISTS (
      SELECT 1 FROM member_branch_timeline t
      WHERE t.member_id = i.member_id AND t.version = i.version)
  ),
  inserted AS (
    INSERT INTO member_branch_timeline (member_id, version, day, unit_id, branch_id, recorded_at)
    SELECT * FROM fresh
  ),
  known AS (
    SELECT member_id, version, day, unit_id, branch_id, recorded_at FROM member_branch_timeline
    WHERE member_id IN (SELECT member_id FROM fresh)
  ),
  states AS (
    SELECT -1 AS sign, * FROM known
    UNION ALL SELECT 1, * FROM known
    UNION ALL SELECT 1, * FROM fresh
  ),
  steps AS (
    SELECT *, lead(day) OVER w AS until, lead(recorded_at) OVER w AS until_recorded
    FROM states WINDOW w AS (PARTITION BY sign, member_id ORDER BY version)
  ),
  changes AS (
    SELECT unit_id, branch_id, day, recorded_at, sign FROM steps WHERE branch_id IS NOT NULL
    UNION ALL
    SELECT unit_id, branch_id, until, until_recorded, -sign FROM steps
    WHERE branch_id IS NOT NULL AND until IS NOT NULL
  ),
  deltas AS (
    SELECT unit_id, day, branch_id, recorded_at, sum(sign)::int AS members
    FROM changes GROUP BY unit_id, day, branch_id, recorded_at HAVING sum(sign) <> 0
  )`,
    '',
    BRANCH_FIGURES,
    'd.recorded_at',
  ),
);

/** Applies placement steps (any members, any order), in the caller's transaction. */
export const projectBranchSteps = async (
  steps: readonly BranchStep[],
  tx: PoolClient,
): Promise<void> => {
  if (steps.length === 0) return;
  const memberIds = steps.map((step) => step.memberId);
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(LOCK_MEMBERS([memberIds]));
  await tx.query(
    APPLY_STEPS([
      memberIds,
      steps.map((step) => step.version),
      steps.map((step) => step.day),
      steps.map((step) => step.unitId),
      steps.map((step) => step.branchId),
      steps.map((step) => step.recordedAt),
    ]),
  );
};

const BRANCH_FACTS = `
  INSERT INTO branch_facts (branch_id, union_id, kind, name, established_on)
  VALUES ($1, $2, $3, $4, $5) ON CONFLICT (branch_id) DO NOTHING`;

/** The names and kinds of branch units, for the figures per branch. */
export const projectBranchFacts = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  if (type !== 'BranchUnitCreated') return;
  await tx.query(BRANCH_FACTS, [
    data.branchId,
    data.unionId,
    data.kind,
    data.name,
    data.establishedOn,
  ]);
};
