import type { RuleSetAmended } from '@taizhang/contracts';
import type { CommandMetadata } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE, ruleSetsDecider,rulesInForce } from '@taizhang/rules';
import { DeciderSpecification } from '@taizhang/testing';

import type { CommitteeSeat } from './committee-rules';
import type { UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

// The city (m1) amends its committee table from 2026-01-01: a union of 60 members elects 5 to 7
// instead of 3 to 5. An election is judged by the table in force on the day it was held.
const amended: RuleSetAmended = {
  type: 'RuleSetAmended',
  data: {
    region: 'm1',
    version: 2,
    effectiveFrom: '2026-01-01',
    changes: {
      committee: {
        sizeTable: [
          { upTo: 25, min: 3, max: 3 },
          { upTo: null, min: 5, max: 7 },
        ],
      },
    },
    reason: '市总工会2025年12号文',
  },
};
const ruleSets = ruleSetsDecider.evolve(ruleSetsDecider.initialState(), amended);
const inForceOn = (date: string) => rulesInForce(ruleSets, 'm1/d1/s1/u1', date);
const specOn = (date: string) => DeciderSpecification.for(unionDeciderUnder(inForceOn(date)));

const metadata: CommandMetadata = {
  now: new Date('2026-03-10T02:00:00Z'),
  actorId: 'officer-1',
  actorRole: 'federation_officer',
  correlationId: 'c-1',
};
const seats = (count: number): CommitteeSeat[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `委员${i}`,
    post: i === 0 ? 'chair' : 'member',
  }));
const established: UnionEvent = {
  type: 'UnionEstablished',
  data: {
    unionId: 'u1',
    name: '沈阳新松机器人工会',
    parentId: 's1',
    orgPath: 'm1/d1/s1/u1',
    establishedOn: '2021-03-09',
    employerIds: ['e1'],
    congress: { entitledVoters: 60, present: 45 },
    committee: seats(3),
    termYears: 5,
    termEndsOn: '2026-03-08',
  },
};
const election = (heldOn: string, committee: CommitteeSeat[]): UnionCommand => ({
  type: 'HoldElection',
  data: { heldOn, entitledVoters: 60, present: 45, committee, termYears: 5 },
  metadata,
});
const elected = (heldOn: string, committee: CommitteeSeat[], version: number): UnionEvent => ({
  type: 'CommitteeElected',
  data: {
    unionId: 'u1',
    heldOn,
    congress: { entitledVoters: 60, present: 45 },
    committee,
    termYears: 5,
    ruleSet: { region: 'm1', version },
  },
});

describe('Union rules in force (法定时限, DESIGN §9)', () => {
  it('finds version 1 before the amendment and version 2 from its date, in the amended region only', () => {
    expect([inForceOn('2025-12-31').version, inForceOn('2026-01-01').version]).toEqual([1, 2]);
    expect(rulesInForce(ruleSets, 'm2/d1/s1/u9', '2026-06-01')).toEqual(NATIONAL_RULES_IN_FORCE);
  });

  it('judges an election held before the change by the old table, and records version 1', () => {
    specOn('2025-12-20')
      .given([established])
      .when(election('2025-12-20', seats(3)))
      .then(elected('2025-12-20', seats(3), 1));
  });

  it('judges an election held after the change by the new table, and records version 2', () => {
    specOn('2026-01-05')
      .given([established])
      .when(election('2026-01-05', seats(3)))
      .thenThrows(IllegalStateError, /from 5 to 7, not 3/);
    specOn('2026-01-05')
      .given([established])
      .when(election('2026-01-05', seats(5)))
      .then(elected('2026-01-05', seats(5), 2));
  });

  it('evolves events recorded before rule sets were versioned exactly as before (national, 1)', () => {
    const old = elected('2025-12-20', seats(3), 1);
    const { ruleSet: _ruleSet, ...withoutRuleSet } = old.data as Extract<
      UnionEvent,
      { type: 'CommitteeElected' }
    >['data'];
    const replay = (events: UnionEvent[]) => events.reduce(evolve, initialState());

    expect(replay([established, { type: 'CommitteeElected', data: withoutRuleSet }])).toEqual(
      replay([established, old]),
    );
  });
});
