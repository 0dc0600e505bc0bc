import type { PoolClient } from 'pg';

import type {
  EventEnvelope,
  MemberJoined,
  MemberLeft,
  MembershipRetained,
  MemberTransferred,
} from '@taizhang/contracts';

export type MemberFactsEvent = MemberJoined | MemberTransferred | MembershipRetained | MemberLeft;

const FIGURES = [
  'members',
  'female_members',
  'migrant_members',
  'new_form_members',
  'retained_memberships',
] as const;

type Figures = Record<(typeof FIGURES)[number], number>;

/** What one member adds to the figures of one org unit (nothing, once they have left). */
interface Contribution {
  unit: { id: string; path: string; kind: string } | null;
  figures: Figures;
}

const NOTHING: Figures = {
  members: 0,
  female_members: 0,
  migrant_members: 0,
  new_form_members: 0,
  retained_memberships: 0,
};

const ENSURE_MEMBER = `
  INSERT INTO member_facts (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING`;

// Two events of one member may be applied at once from two partitions: the row lock orders them.
const LOCK_MEMBER = `
  SELECT version, org_unit_id, ${FIGURES.join(', ')} FROM member_facts
  WHERE member_id = $1 FOR UPDATE`;

const SAVE_MEMBER = `
  UPDATE member_facts SET version = $2, org_unit_id = $3, ${FIGURES.map((f, i) => `${f} = $${i + 4}`).join(', ')}
  WHERE member_id = $1`;

// A union's events share its partition, so the union is there before its members; the upsert
// still keeps the count should a member ever arrive first.
const ADD_TO_UNIT = `
  INSERT INTO org_unit_facts (org_unit_id, kind, org_path, ${FIGURES.join(', ')})
  VALUES ($1, $2, $3, ${FIGURES.map((_, i) => `$${i + 4}`).join(', ')})
  ON CONFLICT (org_unit_id) DO UPDATE
  SET ${FIGURES.map((f) => `${f} = org_unit_facts.${f} + EXCLUDED.${f}`).join(', ')}`;

const SUBTRACT_FROM_UNIT = `
  UPDATE org_unit_facts SET ${FIGURES.map((f, i) => `${f} = ${f} - $${i + 2}`).join(', ')}
  WHERE org_unit_id = $1`;

const active = (
  envelope: EventEnvelope,
  data: Pick<MemberJoined['data'], 'gender' | 'migrantWorker' | 'employmentForm'>,
): Contribution => ({
  unit: { id: envelope.orgUnitId, path: envelope.orgPath, kind: 'union' },
  figures: {
    ...NOTHING,
    members: 1,
    female_members: data.gender === 'female' ? 1 : 0,
    // Not recorded (members of v1) is not counted as migrant or new-form.
    migrant_members: data.migrantWorker === true ? 1 : 0,
    new_form_members: data.employmentForm === 'new_form' ? 1 : 0,
  },
});

/** Where the member counts after `event`, and as what; each event says all of it. */
export const contributionAfter = (
  envelope: EventEnvelope,
  event: MemberFactsEvent,
): Contribution => {
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberTransferred':
      return active(envelope, event.data);
    case 'MembershipRetained':
      return {
        unit: {
          id: envelope.orgUnitId,
          path: envelope.orgPath,
          kind: event.data.heldBy === 'union' ? 'union' : 'federation',
        },
        figures: { ...NOTHING, retained_memberships: 1 },
      };
    case 'MemberLeft':
      return { unit: null, figures: NOTHING };
  }
};

/**
 * Moves a member's contribution to where their latest event puts it. An event older than the
 * one already applied changes nothing, so the outcome is the same in any order of arrival: a
 * transfer seen before the join it follows counts the member once, in the receiving union.
 */
export const projectMemberFacts = async (
  envelope: EventEnvelope,
  event: MemberFactsEvent,
  tx: PoolClient,
): Promise<void> => {
  const memberId = event.data.memberId;
  await tx.query(ENSURE_MEMBER, [memberId]);
  const { rows } = await tx.query<Figures & { version: number; org_unit_id: string | null }>(
    LOCK_MEMBER,
    [memberId],
  );
  const before = rows[0]!;
  if (envelope.streamVersion <= before.version) return;
  const after = contributionAfter(envelope, event);
  const steps: { unitId: string; run: () => Promise<unknown> }[] = [];
  if (before.org_unit_id !== null) {
    const unitId = before.org_unit_id;
    steps.push({
      unitId,
      run: () => tx.query(SUBTRACT_FROM_UNIT, [unitId, ...FIGURES.map((f) => before[f])]),
    });
  }
  if (after.unit) {
    const { id, kind, path } = after.unit;
    steps.push({
      unitId: id,
      run: () => tx.query(ADD_TO_UNIT, [id, kind, path, ...FIGURES.map((f) => after.figures[f])]),
    });
  }
  // Rows of units are always locked in the same order, so two transfers never deadlock.
  steps.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  for (const step of steps) await step.run();
  await tx.query(SAVE_MEMBER, [
    memberId,
    envelope.streamVersion,
    after.unit?.id ?? null,
    ...FIGURES.map((f) => after.figures[f]),
  ]);
};
