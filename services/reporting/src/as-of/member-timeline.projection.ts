import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { applyUnitDeltas, LOCK_TREE_SHARED } from './deltas.sql';
import type { MemberStepEvent } from './member-step';
import { contributionAfter } from './member-step';
import { EMPLOYER_FIGURES, MEMBER_FIGURES, ORGANISATION_FIGURES } from './organisation-figures';
import { preparedStatement } from './prepared-statement';
import { recomputeUnionTypesOfMembers } from './union-types.projection';
const LIST = MEMBER_FIGURES.join(', ');

/** One step of a member's timeline: from `day`, what they add to which unit (none once left). */
export interface TimelineStep {
  memberId: string;
  version: number;
  day: string;
  unitId: string | null;
  figures: Record<(typeof MEMBER_FIGURES)[number], number>;
  /** When the step's event was recorded (its envelope's `recordedAt`). */
  recordedAt: string;
}

/** The business date from which an event changes where the member counts. */
const dayOf = (event: MemberStepEvent): string => {
  switch (event.type) {
    case 'MemberJoined':
      return event.data.joinedOn;
    case 'MemberTransferred':
      return event.data.transferredOn;
    case 'MembershipRetained':
      return event.data.since;
    case 'MemberLeft':
      return event.data.leftOn;
  }
};

export const timelineStep = (envelope: EventEnvelope, event: MemberStepEvent): TimelineStep => {
  const after = contributionAfter(envelope, event);

  return {
    memberId: event.data.memberId,
    version: envelope.streamVersion,
    day: dayOf(event),
    unitId: after.unit?.id ?? null,
    figures: after.figures,
    recordedAt: envelope.recordedAt,
  };
};

// Two steps of one member may be applied at once from two partitions: each waits for the other.
// Members share 256 locks (a lock per member would exhaust the lock table in a large batch),
// taken in order so that two batches never deadlock.
const LOCK_MEMBERS = preparedStatement(`
  SELECT pg_advisory_xact_lock(7321002, bucket)
  FROM (SELECT DISTINCT abs(hashtext(unnest($1::text[]))) % 256 AS bucket ORDER BY 1) AS b`);

// A member's timeline is a step function: step i counts from its day until the next step's day.
// The new steps are merged into it, and the difference between the contribution before and
// after is what the units gain or lose on each day. Steps already known change nothing; a step
// older than those known slots in between, so arrival order does not matter.
// By recording time: a step's own contribution from its day is known from its recording, and
// the end of it (the next step's day) from the next step's recording; a member's steps are
// recorded in version order, so as known at T the timeline is the steps recorded by then.
const APPLY_STEPS = preparedStatement(
  applyUnitDeltas(
    `
  incoming AS (
    SELECT DISTINCT ON (member_id, version) *
    FROM unnest($1::text[], $2::int[], $3::date[], $4::text[], $5::int[], $6::int[], $7::int[],
                $8::int[], $9::int[], $10::timestamptz[])
      AS x(member_id, version, day, unit_id, ${LIST}, recorded_at)
  ),
  fresh AS (
    SELECT i.* FROM incoming i
    WHERE NOT EXISTS (
      SELECT 1 FROM member_timeline t WHERE t.member_id = i.member_id AND t.version = i.version)
  ),
  inserted AS (
    INSERT INTO member_timeline (member_id, version, day, unit_id, ${LIST}, recorded_at)
    SELECT * FROM fresh
  ),
  known AS (
    SELECT member_id, version, day, unit_id, ${MEMBER_FIGURES.map((f) => `${f}::int`).join(', ')},
           recorded_at
    FROM member_timeline WHERE member_id IN (SELECT member_id FROM fresh)
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
    SELECT unit_id, day, recorded_at, sign, ${LIST} FROM steps WHERE unit_id IS NOT NULL
    UNION ALL
    SELECT unit_id, until, until_recorded, -sign, ${LIST} FROM steps
    WHERE unit_id IS NOT NULL AND until IS NOT NULL
  ),
  deltas AS (
    SELECT unit_id, day, recorded_at,
           ${MEMBER_FIGURES.map((f) => `sum(sign * ${f})::int AS ${f}`).join(', ')},
           0 AS unions, 0 AS terms_expired, ${EMPLOYER_FIGURES.map((f) => `0 AS ${f}`).join(', ')}
    FROM changes GROUP BY unit_id, day, recorded_at
  )`,
    '',
    ORGANISATION_FIGURES,
    'd.recorded_at',
  ),
);

/**
 * Applies member events (any number, any members, any order) to the members' timelines and to
 * the unit and subtree deltas, inside the caller's transaction. The consumer applies one event at
 * a time; the large-region seed applies thousands per call through the same statement.
 */
export const projectMemberTimeline = async (
  steps: readonly TimelineStep[],
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
      ...MEMBER_FIGURES.map((f) => steps.map((step) => step.figures[f])),
      steps.map((step) => step.recordedAt),
    ]),
  );
  await recomputeUnionTypesOfMembers(tx, memberIds);
};
