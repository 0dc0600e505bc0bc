import type { CongressEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { CongressCommand, HoldCongress } from './congress.commands';
import { congressDecider } from './congress.decider';

const spec = DeciderSpecification.for(congressDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'union_cadre' });
const national = NATIONAL_RULES_IN_FORCE;
// A region asking three quarters present, to show the quorum is the rule set's.
const stricter: RulesInForce = {
  region: '2101',
  version: 3,
  values: {
    ...national.values,
    workersCongress: {
      ...national.values.workersCongress,
      quorum: { numerator: 3, denominator: 4 },
    },
  },
};
const under = <C extends CongressCommand>(command: C, rules = national): UnderRules<C> => ({
  ...command,
  rules,
});
const hold = (data: Partial<HoldCongress['data']> = {}, rules = national) =>
  under<HoldCongress>(
    {
      type: 'HoldCongress',
      data: {
        congressId: 'k1',
        union: { id: 'u1', ended: false },
        kind: 'workers',
        heldOn: '2026-03-18',
        delegatesEntitled: 60,
        delegatesPresent: 40,
        ...data,
      },
      metadata,
    },
    rules,
  );
const held: CongressEvent = {
  type: 'CongressHeld',
  data: {
    congressId: 'k1',
    unionId: 'u1',
    kind: 'workers',
    heldOn: '2026-03-18',
    delegatesEntitled: 60,
    delegatesPresent: 40,
    ruleSet: { region: 'national', version: 1 },
  },
};
const vote = (votesFor: number) =>
  under({
    type: 'VoteResolution',
    data: { resolutionId: 'r1', title: '通过集体合同草案', votesFor },
    metadata,
  });

describe('Workers’ congress (职代会/教代会)', () => {
  it('records a session with two thirds of the delegates present', () =>
    spec.given([]).when(hold()).then(held));

  it('refuses a session below two thirds, or below the region’s own share', () => {
    spec
      .given([])
      .when(hold({ delegatesPresent: 39 }))
      .thenThrows(IllegalStateError, /40|2\/3/);
    spec.given([]).when(hold({}, stricter)).thenThrows(IllegalStateError, /3\/4/);
    spec
      .given([])
      .when(hold({ delegatesPresent: 45 }, stricter))
      .then({
        ...held,
        data: { ...held.data, delegatesPresent: 45, ruleSet: { region: '2101', version: 3 } },
      });
  });

  it('refuses more present than entitled, a future day, an ended union, a second record', () => {
    spec
      .given([])
      .when(hold({ delegatesPresent: 61 }))
      .thenThrows(IllegalStateError, /entitled/);
    spec
      .given([])
      .when(hold({ heldOn: '2026-03-21' }))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([])
      .when(hold({ union: { id: 'u1', ended: true } }))
      .thenThrows(IllegalStateError, /dissolved/);
    spec
      .given([held])
      .when(hold())
      .thenThrows(IllegalStateError, /already/);
  });

  it('passes a resolution with more than half of all delegates, not of those present', () => {
    const voted = (votesFor: number, passed: boolean): CongressEvent => ({
      type: 'CongressResolutionVoted',
      data: {
        congressId: 'k1',
        unionId: 'u1',
        resolutionId: 'r1',
        title: '通过集体合同草案',
        votesFor,
        delegatesEntitled: 60,
        passed,
        ruleSet: { region: 'national', version: 1 },
      },
    });
    spec.given([held]).when(vote(31)).then(voted(31, true));
    // 30 of 40 present is a majority of those present, but not of the 60 delegates.
    spec.given([held]).when(vote(30)).then(voted(30, false));
    spec
      .given([held])
      .when(vote(41))
      .thenThrows(IllegalStateError, /present/);
    spec.given([]).when(vote(31)).thenThrows(NotFoundError);
  });
});
