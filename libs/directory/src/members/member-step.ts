import type {
  EventEnvelope,
  MemberJoined,
  MemberLeft,
  MemberPersonalDataErased,
  MembershipRetained,
  MemberTransferred,
} from '@taizhang/contracts';

/** 会籍状态: an active member, a retained membership (保留会籍), or gone (退会). */
export type MembershipStatus = 'active' | 'retained' | 'left';

/** One step of a member's membership: from `day`, `status` in (or held by) `unitId`. */
export interface MembershipStep {
  memberId: string;
  version: number;
  day: string;
  status: MembershipStatus;
  /** The union of an active member, the holder of a retained one, the union left. */
  unitId: string;
  holderKind: 'union' | 'federation';
}

/** What a member counts as: none of it personal data (the encrypted fields are not read). */
export interface MemberFacts {
  memberId: string;
  version: number;
  joinedOn: string;
  gender: string;
  migrantWorker: boolean | null;
  employmentForm: string | null;
}

/** What one of organisation's events says about a member. */
export interface MemberDirectoryChange {
  step?: MembershipStep;
  facts?: MemberFacts;
  erased?: { memberId: string };
}

type MemberEvent =
  MemberJoined | MemberTransferred | MembershipRetained | MemberLeft | MemberPersonalDataErased;

const factsOf = (
  version: number,
  data: Pick<
    MemberJoined['data'],
    'memberId' | 'joinedOn' | 'gender' | 'migrantWorker' | 'employmentForm'
  >,
): MemberFacts => ({
  memberId: data.memberId,
  version,
  joinedOn: data.joinedOn,
  gender: data.gender,
  migrantWorker: data.migrantWorker ?? null,
  employmentForm: data.employmentForm ?? null,
});

/** The change `envelope` makes to the member directory, or null when it makes none. */
export const memberDirectoryChangeOf = (envelope: EventEnvelope): MemberDirectoryChange | null => {
  const { type, data } = envelope as EventEnvelope & MemberEvent;
  const version = envelope.streamVersion;
  switch (type) {
    case 'MemberJoined':
      return {
        facts: factsOf(version, data),
        step: {
          memberId: data.memberId,
          version,
          day: data.joinedOn,
          status: 'active',
          unitId: data.unionId,
          holderKind: 'union',
        },
      };
    case 'MemberTransferred':
      // A retained membership moved by a merger stays retained, held by the receiving union.
      return {
        facts: factsOf(version, data),
        step: {
          memberId: data.memberId,
          version,
          day: data.transferredOn,
          status: data.retention ? 'retained' : 'active',
          unitId: data.toUnionId,
          holderKind: 'union',
        },
      };
    case 'MembershipRetained':
      return {
        step: {
          memberId: data.memberId,
          version,
          day: data.since,
          status: 'retained',
          unitId: data.heldByOrgUnitId,
          holderKind: data.heldBy,
        },
      };
    case 'MemberLeft':
      return {
        step: {
          memberId: data.memberId,
          version,
          day: data.leftOn,
          status: 'left',
          unitId: data.unionId,
          holderKind: 'union',
        },
      };
    case 'MemberPersonalDataErased':
      return { erased: { memberId: data.memberId } };
    default:
      return null;
  }
};
