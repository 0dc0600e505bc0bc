import type {
  EventEnvelope,
  MemberJoined,
  MemberLeft,
  MembershipRetained,
  MemberTransferred,
} from '@taizhang/contracts';

import type { MEMBER_FIGURES } from './organisation-figures';

export type MemberStepEvent = MemberJoined | MemberTransferred | MembershipRetained | MemberLeft;

const MEMBER_STEP_TYPES: ReadonlySet<string> = new Set<MemberStepEvent['type']>([
  'MemberJoined',
  'MemberTransferred',
  'MembershipRetained',
  'MemberLeft',
]);

/** The event as a step of a member's timeline, or null when it is not one. */
export const memberStepOf = (envelope: EventEnvelope): MemberStepEvent | null =>
  MEMBER_STEP_TYPES.has(envelope.type)
    ? ({ type: envelope.type, data: envelope.data } as MemberStepEvent)
    : null;

type Figures = Record<(typeof MEMBER_FIGURES)[number], number>;

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

const retained = (envelope: EventEnvelope, kind: 'union' | 'federation'): Contribution => ({
  unit: { id: envelope.orgUnitId, path: envelope.orgPath, kind },
  figures: { ...NOTHING, retained_memberships: 1 },
});

/** Where the member counts after `event`, and as what; each event says all of it. */
export const contributionAfter = (
  envelope: EventEnvelope,
  event: MemberStepEvent,
): Contribution => {
  switch (event.type) {
    case 'MemberJoined':
      return active(envelope, event.data);
    case 'MemberTransferred':
      // A retained membership moved by a merger stays retained, held by the receiving union.
      return event.data.retention ? retained(envelope, 'union') : active(envelope, event.data);
    case 'MembershipRetained':
      return retained(envelope, event.data.heldBy === 'union' ? 'union' : 'federation');
    case 'MemberLeft':
      return { unit: null, figures: NOTHING };
  }
};
