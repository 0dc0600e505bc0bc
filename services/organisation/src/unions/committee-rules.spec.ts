import type { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';

import type { CommitteeSeat } from './committee-rules';
import { checkElection as checkUnderRules, termEndsOn } from './committee-rules';

// The national defaults (version 1), and a term the defaults allow.
const checkElection = (
  election: { entitledVoters: number; present: number },
  committee: CommitteeSeat[],
) => checkUnderRules(NATIONAL_RULES_IN_FORCE, { ...election, termYears: 5 }, committee);

const seats = (count: number): CommitteeSeat[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `委员${i}`,
    post: i === 0 ? 'chair' : 'member',
  }));
const refusalOf = (run: () => void): IllegalStateError | undefined => {
  try {
    run();
  } catch (error) {
    return error as IllegalStateError;
  }

  return undefined;
};
const codeOf = (run: () => void): string | undefined => refusalOf(run)?.code;

describe('committee rules', () => {
  it('sizes the committee by membership, as the regional table says', () => {
    expect(
      // A chair alone is too small a committee for any band: the refusal names the band.
      [11, 25, 26, 100, 101, 200, 201, 500, 501, 1000, 1001, 5000, 5001].map((members) => {
        const { min, max } = refusalOf(() =>
          checkElection({ entitledVoters: members, present: members }, seats(1)),
        )!.details;

        return { min, max };
      }),
    ).toEqual([
      { min: 3, max: 3 },
      { min: 3, max: 3 },
      { min: 3, max: 5 },
      { min: 3, max: 5 },
      { min: 5, max: 7 },
      { min: 5, max: 7 },
      { min: 7, max: 9 },
      { min: 7, max: 9 },
      { min: 9, max: 15 },
      { min: 9, max: 15 },
      { min: 15, max: 21 },
      { min: 15, max: 21 },
      { min: 21, max: 35 },
    ]);
  });

  it('needs two thirds present, and no more present than entitled', () => {
    expect(
      codeOf(() => checkElection({ entitledVoters: 30, present: 20 }, seats(3))),
    ).toBeUndefined();
    expect(codeOf(() => checkElection({ entitledVoters: 30, present: 19 }, seats(3)))).toBe(
      'QUORUM_NOT_REACHED',
    );
    expect(codeOf(() => checkElection({ entitledVoters: 30, present: 31 }, seats(3)))).toBe(
      'PRESENT_EXCEEDS_ENTITLED',
    );
  });

  it('accepts an odd committee within the band with one chair', () => {
    expect(
      codeOf(() => checkElection({ entitledVoters: 150, present: 120 }, seats(5))),
    ).toBeUndefined();
    expect(codeOf(() => checkElection({ entitledVoters: 150, present: 120 }, seats(6)))).toBe(
      'COMMITTEE_SIZE',
    );
    expect(codeOf(() => checkElection({ entitledVoters: 150, present: 120 }, seats(3)))).toBe(
      'COMMITTEE_SIZE',
    );
    const twoChairs = seats(5).map((seat, i) =>
      i < 2 ? { ...seat, post: 'chair' as const } : seat,
    );
    expect(codeOf(() => checkElection({ entitledVoters: 150, present: 120 }, twoChairs))).toBe(
      'ONE_CHAIR_REQUIRED',
    );
  });

  it('lets a union under 25 members elect one organiser, and no larger one', () => {
    const organiser: CommitteeSeat[] = [{ name: '李梅', post: 'organiser' }];
    expect(
      codeOf(() => checkElection({ entitledVoters: 24, present: 16 }, organiser)),
    ).toBeUndefined();
    expect(codeOf(() => checkElection({ entitledVoters: 25, present: 20 }, organiser))).toBe(
      'COMMITTEE_REQUIRED',
    );
    expect(
      codeOf(() => checkElection({ entitledVoters: 12, present: 12 }, [...organiser, ...seats(2)])),
    ).toBe('ORGANISER_WITH_COMMITTEE');
  });

  it('refuses a term the rules do not allow', () => {
    expect(
      codeOf(() =>
        checkUnderRules(
          NATIONAL_RULES_IN_FORCE,
          { entitledVoters: 150, present: 120, termYears: 4 },
          seats(5),
        ),
      ),
    ).toBe('TERM_NOT_ALLOWED');
  });

  it('ends a term the day before its anniversary, leap days included', () => {
    expect(termEndsOn('2026-03-01', 5)).toBe('2031-02-28');
    expect(termEndsOn('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEndsOn('2025-07-01', 3)).toBe('2028-06-30');
  });
});
