import type { RuleSetAmended } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE, ruleSetsDecider, rulesInForce } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { committeeTookOffice } from '../../test/unions/union-events';
import type { CommitteeSeat } from './committee-rules';
import type { HoldElection, UnionCommand } from './union.commands';
import type { UnionEvent } from './union.decider';
import { evolve, initialState, unionDeciderUnder } from './union.decider';

const spec = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE));
const at = (now: string) => commandMetadata({ now });
const today = at('2026-03-10T02:00:00Z');
const committee: CommitteeSeat[] = [
  { name: '张伟', post: 'chair' },
  { name: '李娜', post: 'member' },
  { name: '王强', post: 'member' },
];
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
    committee,
    termYears: 5,
    termEndsOn: '2026-03-08',
  },
};
const election = (heldOn = '2026-03-01', present = 45): UnionCommand => ({
  type: 'HoldElection',
  data: { heldOn, entitledVoters: 60, present, committee, termYears: 5 },
  metadata: today,
});
const elected: UnionEvent = {
  type: 'CommitteeElected',
  data: {
    unionId: 'u1',
    heldOn: '2026-03-01',
    congress: { entitledVoters: 60, present: 45 },
    committee,
    termYears: 5,
  },
};
const simple = (type: 'ApproveElection' | 'RecordTermExpiry', metadata = today): UnionCommand => ({
  type,
  data: {},
  metadata,
});
const approve = (approvedOn?: string): UnionCommand => ({
  type: 'ApproveElection',
  data: approvedOn ? { approvedOn } : {},
  metadata: today,
});
const reject = (rejectedOn = '2026-03-05', reason = '候选人未经民主推荐'): UnionCommand => ({
  type: 'RejectElection',
  data: { rejectedOn, reason },
  metadata: today,
});
const rejected: UnionEvent = {
  type: 'ElectionRejected',
  data: {
    unionId: 'u1',
    heldOn: '2026-03-01',
    rejectedOn: '2026-03-05',
    reason: '候选人未经民主推荐',
  },
};
const dissolved: UnionEvent = {
  type: 'UnionDissolved',
  data: { unionId: 'u1', dissolvedOn: '2026-03-05', reason: '企业破产' },
};

describe('Union life', () => {
  describe('re-election (换届)', () => {
    it('records a valid re-election for the higher union to approve', () =>
      spec
        .given([established])
        .when(election())
        .then({
          ...elected,
          data: {
            ...elected.data,
            ruleSet: { region: 'national', version: 1 },
            answerDueOn: '2026-03-16',
          },
        }));

    it('refuses a re-election without two thirds present', () =>
      spec
        .given([established])
        .when(election('2026-03-01', 39))
        .thenThrows(IllegalStateError, /two thirds/));

    it('starts the new term from the congress once approved', () =>
      spec
        .given([established, elected])
        .when(simple('ApproveElection'))
        .then([
          {
            type: 'CommitteeElectionApproved',
            data: { unionId: 'u1', approvedOn: '2026-03-10', termEndsOn: '2031-02-28' },
          },
          committeeTookOffice('2026-03-01', committee),
        ]));

    it('has nothing to approve without a pending election, and holds no second one meanwhile', () => {
      spec
        .given([established])
        .when(simple('ApproveElection'))
        .thenThrows(IllegalStateError, /No election/);
      spec
        .given([established, elected])
        .when(election())
        .thenThrows(IllegalStateError, /waits for approval/);
    });

    it('dates an approval entered after the fact on the day it was given', () =>
      spec
        .given([established, elected])
        .when(approve('2026-03-03'))
        .then([
          {
            type: 'CommitteeElectionApproved',
            data: { unionId: 'u1', approvedOn: '2026-03-03', termEndsOn: '2031-02-28' },
          },
          committeeTookOffice('2026-03-01', committee),
        ]));

    it('refuses an answer dated in the future or before the election', () => {
      spec
        .given([established, elected])
        .when(approve('2026-03-11'))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([established, elected])
        .when(approve('2026-02-28'))
        .thenThrows(IllegalStateError, /cannot precede the election/);
      spec
        .given([established, elected])
        .when(reject('2026-03-11'))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([established, elected])
        .when(reject('2026-02-28'))
        .thenThrows(IllegalStateError, /cannot precede the election/);
    });

    it('records a rejection with its reason, Chinese as given', () =>
      spec.given([established, elected]).when(reject()).then(rejected));

    it('has nothing to reject without a pending election, nor after one was rejected', () => {
      spec
        .given([established])
        .when(reject())
        .thenThrows(IllegalStateError, /No election/);
      spec
        .given([established, elected, rejected])
        .when(reject())
        .thenThrows(IllegalStateError, /No election/);
      spec
        .given([established, elected, rejected])
        .when(approve())
        .thenThrows(IllegalStateError, /No election/);
    });

    it('takes a new election after a rejection, and approves that one', () => {
      spec
        .given([established, elected, rejected])
        .when(election('2026-03-08'))
        .then({
          ...elected,
          data: {
            ...elected.data,
            heldOn: '2026-03-08',
            ruleSet: { region: 'national', version: 1 },
            answerDueOn: '2026-03-23',
          },
        });
      spec
        .given([
          established,
          elected,
          rejected,
          { ...elected, data: { ...elected.data, heldOn: '2026-03-08' } },
        ])
        .when(approve())
        .then([
          {
            type: 'CommitteeElectionApproved',
            data: { unionId: 'u1', approvedOn: '2026-03-10', termEndsOn: '2031-03-07' },
          },
          committeeTookOffice('2026-03-08', committee),
        ]);
    });
  });

  describe('the term clock (换届预警)', () => {
    it('records the expiry the day after the term ran out', () =>
      spec
        .given([established])
        .when(simple('RecordTermExpiry'))
        .then({
          type: 'UnionTermExpired',
          data: { unionId: 'u1', termEndedOn: '2026-03-08' },
        }));

    it('does not fire on the last day of the term, twice, or after an approved re-election', () => {
      spec
        .given([established])
        .when(simple('RecordTermExpiry', at('2026-03-08T10:00:00Z')))
        .thenThrows(IllegalStateError, /not run out/);
      spec
        .given([
          established,
          { type: 'UnionTermExpired', data: { unionId: 'u1', termEndedOn: '2026-03-08' } },
        ])
        .when(simple('RecordTermExpiry'))
        .thenThrows(IllegalStateError, /already recorded/);
      spec
        .given([
          established,
          elected,
          {
            type: 'CommitteeElectionApproved',
            data: { unionId: 'u1', approvedOn: '2026-03-02', termEndsOn: '2031-02-28' },
          },
        ])
        .when(simple('RecordTermExpiry'))
        .thenThrows(IllegalStateError, /not run out/);
    });

    it('still records the expiry of a term whose re-election was rejected', () =>
      spec
        .given([established, elected, rejected])
        .when(simple('RecordTermExpiry'))
        .then({
          type: 'UnionTermExpired',
          data: { unionId: 'u1', termEndedOn: '2026-03-08' },
        }));
  });

  describe('renaming and dissolution', () => {
    it('renames from a date, keeping the previous name in the record', () =>
      spec
        .given([established])
        .when({
          type: 'RenameUnion',
          data: { name: '新松机器人集团工会', effectiveOn: '2026-01-01' },
          metadata: today,
        })
        .then({
          type: 'UnionRenamed',
          data: {
            unionId: 'u1',
            previousName: '沈阳新松机器人工会',
            name: '新松机器人集团工会',
            effectiveOn: '2026-01-01',
          },
        }));

    it('dissolves with a reason, after which nothing more can be recorded', () => {
      spec
        .given([established])
        .when({
          type: 'DissolveUnion',
          data: { reason: '企业破产', dissolvedOn: '2026-03-05' },
          metadata: today,
        })
        .then(dissolved);
      spec
        .given([established, dissolved])
        .when(election())
        .thenThrows(IllegalStateError, /dissolved/);
      spec
        .given([established, dissolved])
        .when({
          type: 'RenameUnion',
          data: { name: '另一个名字', effectiveOn: '2026-03-06' },
          metadata: today,
        })
        .thenThrows(IllegalStateError, /dissolved/);
    });
  });
});

// The city (m1) amends its committee table from 2026-01-01: a union of 60 members elects 5 to 7
// instead of 3 to 5. An election is judged by the table in force on the day it was held.
describe('Union life under the rules in force (DESIGN §9)', () => {
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
  const five: CommitteeSeat[] = [
    ...committee,
    { name: '赵敏', post: 'member' },
    { name: '孙磊', post: 'member' },
  ];
  const electing = (heldOn: string, seats: CommitteeSeat[]): HoldElection => ({
    type: 'HoldElection',
    data: { heldOn, entitledVoters: 60, present: 45, committee: seats, termYears: 5 },
    metadata: today,
  });
  const electedUnder = (heldOn: string, seats: CommitteeSeat[], version: number): UnionEvent => ({
    type: 'CommitteeElected',
    data: {
      unionId: 'u1',
      heldOn,
      congress: { entitledVoters: 60, present: 45 },
      committee: seats,
      termYears: 5,
      ruleSet: { region: 'm1', version },
      answerDueOn: addDays(heldOn, 15),
    },
  });

  it('finds version 1 before the amendment and version 2 from its date, in the amended region only', () => {
    expect([inForceOn('2025-12-31').version, inForceOn('2026-01-01').version]).toEqual([1, 2]);
    expect(rulesInForce(ruleSets, 'm2/d1/s1/u9', '2026-06-01')).toEqual(NATIONAL_RULES_IN_FORCE);
  });

  it('judges an election held before the change by the old table, and records version 1', () =>
    specOn('2025-12-20')
      .given([established])
      .when(electing('2025-12-20', committee))
      .then(electedUnder('2025-12-20', committee, 1)));

  it('judges an election held after the change by the new table, and records version 2', () => {
    specOn('2026-01-05')
      .given([established])
      .when(electing('2026-01-05', committee))
      .thenThrows(IllegalStateError, /from 5 to 7, not 3/);
    specOn('2026-01-05')
      .given([established])
      .when(electing('2026-01-05', five))
      .then(electedUnder('2026-01-05', five, 2));
  });

  it('evolves events recorded before rule sets were versioned exactly as before (national, 1)', () => {
    const replay = (events: UnionEvent[]) => events.reduce(evolve, initialState());

    expect(replay([established, elected])).toEqual(
      replay([established, electedUnder('2026-03-01', committee, 1)]),
    );
  });
});
