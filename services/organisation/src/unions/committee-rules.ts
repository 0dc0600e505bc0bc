import { IllegalStateError } from '@taizhang/event-store';

/** The posts of an elected union committee (委员会), or the one organiser (组织员) of a small union. */
export type CommitteePost = 'chair' | 'vice_chair' | 'member' | 'organiser';

export interface CommitteeSeat {
  name: string;
  post: CommitteePost;
}

/** Below this many members a union may elect one organiser instead of a committee (工会法). */
export const COMMITTEE_REQUIRED_FROM = 25;

// DESIGN §9, regional practice: committee size by membership, always an odd number.
const SIZE_BANDS: readonly { upTo: number; min: number; max: number }[] = [
  { upTo: 25, min: 3, max: 3 },
  { upTo: 100, min: 3, max: 5 },
  { upTo: 200, min: 5, max: 7 },
  { upTo: 500, min: 7, max: 9 },
  { upTo: 1000, min: 9, max: 15 },
  { upTo: 5000, min: 15, max: 21 },
  { upTo: Number.POSITIVE_INFINITY, min: 21, max: 35 },
];

/** How many committee members a union of this size elects. */
export const committeeSize = (members: number): { min: number; max: number } => {
  const { min, max } = SIZE_BANDS.find((band) => members <= band.upTo)!;

  return { min, max };
};

/** An election is valid only with at least two thirds of those entitled present (章程 practice). */
export const quorumReached = (entitledVoters: number, present: number): boolean =>
  present * 3 >= entitledVoters * 2;

/** Checks the quorum and the elected committee against the rules; throws a plain-words 422. */
export const checkElection = (
  election: { entitledVoters: number; present: number },
  committee: readonly CommitteeSeat[],
): void => {
  const { entitledVoters, present } = election;
  if (present > entitledVoters)
    throw new IllegalStateError(
      `More members present (${present}) than entitled to vote (${entitledVoters}). / 到会人数多于应到人数。`,
      'PRESENT_EXCEEDS_ENTITLED',
    );
  if (!quorumReached(entitledVoters, present))
    throw new IllegalStateError(
      `The election is not valid: ${present} of ${entitledVoters} present, at least two thirds are needed. / 到会人数不足应到人数的三分之二,选举无效。`,
      'QUORUM_NOT_REACHED',
      { entitledVoters, present },
    );
  const organisers = committee.filter((seat) => seat.post === 'organiser').length;
  if (organisers > 0) {
    if (committee.length !== 1)
      throw new IllegalStateError(
        'An organiser is elected alone, instead of a committee. / 组织员只设一人,不另设委员会。',
        'ORGANISER_WITH_COMMITTEE',
      );
    if (entitledVoters >= COMMITTEE_REQUIRED_FROM)
      throw new IllegalStateError(
        `A union of ${entitledVoters} members elects a committee, not an organiser. / 会员二十五人以上的应当建立委员会。`,
        'COMMITTEE_REQUIRED',
      );

    return;
  }
  const { min, max } = committeeSize(entitledVoters);
  if (committee.length < min || committee.length > max || committee.length % 2 === 0)
    throw new IllegalStateError(
      `A union of ${entitledVoters} members elects an odd number of committee members from ${min} to ${max}, not ${committee.length}. / 委员会委员人数应为${min}至${max}人的单数。`,
      'COMMITTEE_SIZE',
      { members: entitledVoters, min, max, elected: committee.length },
    );
  if (committee.filter((seat) => seat.post === 'chair').length !== 1)
    throw new IllegalStateError(
      'The committee has exactly one chair. / 委员会应选举主席一人。',
      'ONE_CHAIR_REQUIRED',
    );
};

/** The last day of a term that starts on `startsOn` (YYYY-MM-DD) and lasts `years`. */
export const termEndsOn = (startsOn: string, years: 3 | 5): string => {
  const [year, month, day] = startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + years, month - 1, day));
  end.setUTCDate(end.getUTCDate() - 1);

  return end.toISOString().slice(0, 10);
};
