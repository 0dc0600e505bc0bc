import type { RuleValues } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import type { RulesInForce } from '@taizhang/rules';

/** The posts of an elected union committee (委员会), or the one organiser (组织员) of a small union. */
export type CommitteePost = 'chair' | 'vice_chair' | 'member' | 'organiser';

export interface CommitteeSeat {
  name: string;
  post: CommitteePost;
}

/** Offices a congress fills besides the committee (女职工委员会, 经费审查委员会). */
export type CongressOffice =
  | 'women_committee_chair'
  | 'women_committee_member'
  | 'audit_committee_chair'
  | 'audit_committee_member';

export interface OfficeHolder {
  name: string;
  office: CongressOffice;
}

type CommitteeRules = RuleValues['committee'];
type Share = CommitteeRules['electionQuorum'];

/** How many committee members a union of this size elects, by the rule set's table. */
const committeeSize = (rules: CommitteeRules, members: number): { min: number; max: number } => {
  const { min, max } = rules.sizeTable.find((band) => band.upTo === null || members <= band.upTo)!;

  return { min, max };
};

/** An election is valid only with at least the rule set's share of those entitled present. */
const quorumReached = (quorum: Share, entitledVoters: number, present: number): boolean =>
  present * quorum.denominator >= entitledVoters * quorum.numerator;

// Two thirds reads as people say it; another share as a fraction.
const shareInWords = ({ numerator, denominator }: Share): { en: string; zh: string } =>
  numerator === 2 && denominator === 3
    ? { en: 'two thirds', zh: '三分之二' }
    : { en: `${numerator}/${denominator}`, zh: `${denominator}分之${numerator}` };

const checkCongress = (rules: CommitteeRules, entitledVoters: number, present: number): void => {
  if (present > entitledVoters)
    throw new IllegalStateError(
      `More members present (${present}) than entitled to vote (${entitledVoters}). / 到会人数多于应到人数。`,
      'PRESENT_EXCEEDS_ENTITLED',
    );
  if (!quorumReached(rules.electionQuorum, entitledVoters, present)) {
    const share = shareInWords(rules.electionQuorum);
    throw new IllegalStateError(
      `The election is not valid: ${present} of ${entitledVoters} present, at least ${share.en} are needed. / 到会人数不足应到人数的${share.zh},选举无效。`,
      'QUORUM_NOT_REACHED',
      { entitledVoters, present },
    );
  }
};

const checkOrganiser = (
  rules: CommitteeRules,
  entitledVoters: number,
  committee: readonly CommitteeSeat[],
): void => {
  if (committee.length !== 1)
    throw new IllegalStateError(
      'An organiser is elected alone, instead of a committee. / 组织员只设一人,不另设委员会。',
      'ORGANISER_WITH_COMMITTEE',
    );
  if (entitledVoters >= rules.requiredFromMembers)
    throw new IllegalStateError(
      `A union of ${entitledVoters} members elects a committee, not an organiser. / 会员${rules.requiredFromMembers}人以上的应当建立委员会。`,
      'COMMITTEE_REQUIRED',
    );
};

const checkCommittee = (
  rules: CommitteeRules,
  entitledVoters: number,
  committee: readonly CommitteeSeat[],
): void => {
  const { min, max } = committeeSize(rules, entitledVoters);
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

/**
 * Checks a (founding or re-)election against the rules in force on its day: the quorum, the
 * committee (or the organiser of a small union) and the term; throws a plain-words 422.
 */
export const checkElection = (
  rules: RulesInForce,
  election: { entitledVoters: number; present: number; termYears: number },
  committee: readonly CommitteeSeat[],
): void => {
  const { committee: committeeRules } = rules.values;
  const { entitledVoters, present, termYears } = election;
  checkCongress(committeeRules, entitledVoters, present);
  if (committee.some((seat) => seat.post === 'organiser'))
    checkOrganiser(committeeRules, entitledVoters, committee);
  else checkCommittee(committeeRules, entitledVoters, committee);
  checkTermYears(rules, termYears);
};

/** A grassroots committee's term is one the rule set allows (工会法: 3 or 5 years). */
export const checkTermYears = (rules: RulesInForce, termYears: number): void => {
  const terms = rules.values.committee.termYears.grassroots;
  if (!terms.includes(termYears))
    throw new IllegalStateError(
      `A committee is elected for ${terms.join(' or ')} years, not ${termYears}. / 委员会任期应为${terms.join('或')}年。`,
      'TERM_NOT_ALLOWED',
      { termYears, allowed: terms },
    );
};

/** Each of the women's and audit committees has at most one chair (主任). */
export const checkOffices = (offices: readonly OfficeHolder[] = []): void => {
  for (const chair of ['women_committee_chair', 'audit_committee_chair'] as const)
    if (offices.filter((holder) => holder.office === chair).length > 1)
      throw new IllegalStateError(
        `Only one person holds the office ${chair}. / 女职工委员会、经费审查委员会各设主任一人。`,
        'ONE_OFFICE_CHAIR',
        { office: chair },
      );
};

/** The last day of a term that starts on `startsOn` (YYYY-MM-DD) and lasts `years`. */
export const termEndsOn = (startsOn: string, years: number): string => {
  const [year, month, day] = startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + years, month - 1, day));
  end.setUTCDate(end.getUTCDate() - 1);

  return end.toISOString().slice(0, 10);
};
