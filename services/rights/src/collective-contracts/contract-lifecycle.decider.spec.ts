import type { ContractEvent, RuleValues } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES, NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';

const spec = DeciderSpecification.for(contractDecider);
const ids = { contractId: 'c1', unionId: 'u1' };
const ruleSet = { region: 'national', version: 1 };
const on = (now: string, actorRole: 'union_cadre' | 'system' = 'union_cadre') =>
  commandMetadata({ now: `${now}T02:00:00Z`, actorRole });
const under = (
  command: Omit<ContractCommand, 'metadata'> & { metadata?: ContractCommand['metadata'] },
  rules: RulesInForce = NATIONAL_RULES_IN_FORCE,
): UnderRules<ContractCommand> =>
  ({ metadata: on('2026-12-01'), ...command, rules }) as UnderRules<ContractCommand>;

const requested: ContractEvent = {
  type: 'ContractNegotiationRequested',
  data: {
    ...ids,
    kind: 'wage',
    employerIds: ['e1'],
    requestedOn: '2026-03-01',
    answerDueOn: '2026-03-21',
    ruleSet,
  },
};
const answered: ContractEvent = {
  type: 'ContractRequestAnswered',
  data: { ...ids, answeredOn: '2026-03-10' },
};
const side = (prefix: string, size: number, chiefs = 1) =>
  Array.from({ length: size }, (_, i) => ({ name: `${prefix}${i + 1}`, chief: i < chiefs }));
const roundData = {
  heldOn: '2026-03-20',
  unionRepresentatives: side('工会代表', 3),
  employerRepresentatives: side('企业代表', 3),
  notes: null,
};
const round = (data: Partial<typeof roundData> = {}) =>
  under({ type: 'HoldRound', data: { ...roundData, ...data } });
const roundHeld = (n: number, heldOn = '2026-03-20'): ContractEvent => ({
  type: 'ContractNegotiationRoundHeld',
  data: { ...ids, ...roundData, heldOn, round: n, ruleSet },
});
const voteData = {
  votedOn: '2026-04-01',
  delegatesTotal: 90,
  delegatesPresent: 60,
  votesFor: 46,
  wageIncreasePercent: 5.5,
  workforceCovered: 1200,
  termYears: 2,
};
const vote = (data: Partial<typeof voteData> = {}, rules?: RulesInForce) =>
  under({ type: 'VoteDraft', data: { ...voteData, ...data } }, rules);
const voted = (passed: boolean, data: Partial<typeof voteData> = {}): ContractEvent => ({
  type: 'ContractDraftVoted',
  data: { ...ids, ...voteData, ...data, passed, ruleSet },
});
const signed: ContractEvent = {
  type: 'ContractSigned',
  data: { ...ids, signedOn: '2026-04-05', filingDueOn: '2026-04-15', ruleSet },
};
const filed: ContractEvent = {
  type: 'ContractFiled',
  data: { ...ids, filedOn: '2026-04-10', deemedEffectiveOn: '2026-04-25', ruleSet },
};
const effective: ContractEvent = {
  type: 'ContractDeemedEffective',
  data: {
    ...ids,
    kind: 'wage',
    effectiveOn: '2026-04-25',
    expiresOn: '2028-04-25',
    renewalWindowOpensOn: '2028-01-25',
    workforceCovered: 1200,
    wageIncreasePercent: 5.5,
    ruleSet,
  },
};
const approved = [requested, answered, roundHeld(1), voted(true)];
const inForce = [...approved, signed, filed, effective];
const regional = (changes: Partial<RuleValues['collectiveContract']>): RulesInForce => ({
  region: 'c/d1',
  version: 2,
  values: {
    ...NATIONAL_RULES,
    collectiveContract: { ...NATIONAL_RULES.collectiveContract, ...changes },
  },
});

describe('Collective contracts (集体合同): negotiation rounds (协商)', () => {
  it('records a round after the answer, numbered, 3 a side with a chief each', () =>
    spec.given([requested, answered]).when(round()).then(roundHeld(1)));

  it('refuses a round before the answer, and on a contract already approved', () => {
    spec.given([requested]).when(round()).thenThrows(IllegalStateError, /written answer/);
    spec.given(approved).when(round()).thenThrows(IllegalStateError, /Approved/);
  });

  it('refuses sides outside 3–10, unequal, without exactly one chief, or a name twice', () => {
    const given = spec.given([requested, answered]);
    given
      .when(round({ unionRepresentatives: side('a', 2), employerRepresentatives: side('b', 2) }))
      .thenThrows(IllegalStateError, /3 to 10/);
    given
      .when(round({ unionRepresentatives: side('a', 11), employerRepresentatives: side('b', 11) }))
      .thenThrows(IllegalStateError, /3 to 10/);
    given
      .when(round({ employerRepresentatives: side('b', 4) }))
      .thenThrows(IllegalStateError, /unequal/);
    given
      .when(round({ unionRepresentatives: side('a', 3, 2) }))
      .thenThrows(IllegalStateError, /exactly one chief/);
    given
      .when(round({ employerRepresentatives: side('b', 3, 0) }))
      .thenThrows(IllegalStateError, /exactly one chief/);
    given
      .when(
        round({
          unionRepresentatives: [
            { name: '张三', chief: true },
            { name: '张三', chief: false },
            { name: '李四', chief: false },
          ],
        }),
      )
      .thenThrows(IllegalStateError, /twice/);
  });

  it('reads the side sizes from the rules in force: a region allowing 2 a side', () =>
    spec
      .given([requested, answered])
      .when(
        under(
          {
            type: 'HoldRound',
            data: { ...roundData, unionRepresentatives: side('a', 2), employerRepresentatives: side('b', 2) },
          },
          regional({ representativesPerSide: { min: 2, max: 5 } }),
        ),
      )
      .then({
        type: 'ContractNegotiationRoundHeld',
        data: {
          ...ids,
          ...roundData,
          unionRepresentatives: side('a', 2),
          employerRepresentatives: side('b', 2),
          round: 1,
          ruleSet: { region: 'c/d1', version: 2 },
        },
      }));

  it('refuses a round dated before the answer or the previous round', () => {
    spec
      .given([requested, answered])
      .when(round({ heldOn: '2026-03-09' }))
      .thenThrows(IllegalStateError, /previous step/);
    spec
      .given([requested, answered, roundHeld(1, '2026-03-20')])
      .when(round({ heldOn: '2026-03-19' }))
      .thenThrows(IllegalStateError, /previous step/);
  });
});

describe('Collective contracts: the workers’ congress vote on the draft (职代会审议)', () => {
  const negotiated = [requested, answered, roundHeld(1)];

  it('passes with ≥2/3 present and more than half of ALL delegates for', () => {
    spec.given(negotiated).when(vote()).then(voted(true));
    // 45 of 90 is half, not more: failed, though 45 of the 60 present is a majority.
    spec.given(negotiated).when(vote({ votesFor: 45 })).then(voted(false, { votesFor: 45 }));
  });

  it('refuses a vote without the quorum, a term outside 1–3 years, impossible counts', () => {
    const given = spec.given(negotiated);
    given.when(vote({ delegatesPresent: 59, votesFor: 46 })).thenThrows(IllegalStateError, /2\/3/);
    given.when(vote({ termYears: 4 })).thenThrows(IllegalStateError, /1 to 3 years/);
    given.when(vote({ delegatesPresent: 91 })).thenThrows(IllegalStateError, /in all/);
    given.when(vote({ votesFor: 61 })).thenThrows(IllegalStateError, /present/);
  });

  it('takes the shares and the term from the rules in force', () =>
    spec
      .given(negotiated)
      .when(vote({ termYears: 5 }, regional({ termYears: { min: 1, max: 5 } })))
      .then({
        type: 'ContractDraftVoted',
        data: { ...ids, ...voteData, termYears: 5, passed: true, ruleSet: { region: 'c/d1', version: 2 } },
      }));

  it('needs a round first, and after a failed vote another round before the next', () => {
    spec.given([requested, answered]).when(vote()).thenThrows(IllegalStateError, /Answered/);
    spec
      .given([...negotiated, voted(false, { votesFor: 10 })])
      .when(vote())
      .thenThrows(IllegalStateError, /negotiate again/);
    spec
      .given([...negotiated, voted(false, { votesFor: 10 }), roundHeld(2, '2026-04-02')])
      .when(vote({ votedOn: '2026-04-03' }))
      .then(voted(true, { votedOn: '2026-04-03' }));
  });
});

describe('Collective contracts: signing, filing, objection and deemed effectiveness', () => {
  const sign = (signedOn = '2026-04-05') => under({ type: 'SignContract', data: { signedOn } });
  const file = (filedOn = '2026-04-10') => under({ type: 'FileContract', data: { filedOn } });
  const clock = (type: 'MarkFilingOverdue' | 'MarkDeemedEffective', now: string, dueOn: string) =>
    under({ type, data: { dueOn }, metadata: on(now, 'system') });
  const objection = (receivedOn: string) =>
    under({ type: 'RecordObjection', data: { receivedOn, reason: '工资增幅条款不明确' } });

  it('signs an approved draft, to be filed within 10 days; not before approval or the vote', () => {
    spec.given(approved).when(sign()).then(signed);
    spec.given([requested, answered, roundHeld(1)]).when(sign()).thenThrows(IllegalStateError, /Negotiating/);
    spec.given(approved).when(sign('2026-03-31')).thenThrows(IllegalStateError, /previous step/);
  });

  it('is overdue for filing once day 10 is over, not on day 10, not once filed', () => {
    const overdue: ContractEvent = {
      type: 'ContractFilingOverdue',
      data: { ...ids, filingDueOn: '2026-04-15' },
    };
    spec
      .given([...approved, signed])
      .when(clock('MarkFilingOverdue', '2026-04-15', '2026-04-16'))
      .thenThrows(IllegalStateError, /not due/);
    spec
      .given([...approved, signed])
      .when(clock('MarkFilingOverdue', '2026-04-16', '2026-04-16'))
      .then(overdue);
    spec
      .given([...approved, signed, filed])
      .when(clock('MarkFilingOverdue', '2026-04-16', '2026-04-16'))
      .thenThrows(IllegalStateError, /in time/);
    // A late filing is still recorded.
    spec
      .given([...approved, signed, overdue])
      .when(file('2026-04-20'))
      .then({
        type: 'ContractFiled',
        data: { ...ids, filedOn: '2026-04-20', deemedEffectiveOn: '2026-05-05', ruleSet },
      });
  });

  it('files a signed contract, deemed effective 15 days on; not before signing', () => {
    spec.given([...approved, signed]).when(file()).then(filed);
    spec.given(approved).when(file()).thenThrows(IllegalStateError, /Approved/);
    spec
      .given([...approved, signed])
      .when(file('2026-04-04'))
      .thenThrows(IllegalStateError, /previous step/);
  });

  it('is deemed effective on day 15 without an objection, for the approved term, not on day 14', () => {
    const given = spec.given([...approved, signed, filed]);
    given
      .when(clock('MarkDeemedEffective', '2026-04-24', '2026-04-25'))
      .thenThrows(IllegalStateError, /still running/);
    given.when(clock('MarkDeemedEffective', '2026-04-25', '2026-04-25')).then(effective);
    spec
      .given([...inForce])
      .when(clock('MarkDeemedEffective', '2026-04-26', '2026-04-25'))
      .thenThrows(IllegalStateError, /Not filed/);
  });

  it('takes an objection before day 15, not on it; then a new vote, signing and filing', () => {
    const objected: ContractEvent = {
      type: 'ContractObjected',
      data: { ...ids, receivedOn: '2026-04-20', reason: '工资增幅条款不明确' },
    };
    spec.given([...approved, signed, filed]).when(objection('2026-04-20')).then(objected);
    spec
      .given([...approved, signed, filed])
      .when(objection('2026-04-25'))
      .thenThrows(IllegalStateError, /deemed effective/);
    spec
      .given([...approved, signed, filed, objected])
      .when(clock('MarkDeemedEffective', '2026-04-25', '2026-04-25'))
      .thenThrows(IllegalStateError, /Not filed/);
    spec
      .given([...approved, signed, filed, objected])
      .when(vote({ votedOn: '2026-04-22', wageIncreasePercent: 6 }))
      .then(voted(true, { votedOn: '2026-04-22', wageIncreasePercent: 6 }));
    spec
      .given([...approved, signed, filed, objected])
      .when(vote({ votedOn: '2026-04-19' }))
      .thenThrows(IllegalStateError, /previous step/);
    spec
      .given([...approved, signed, filed, objected, voted(true, { votedOn: '2026-04-22' })])
      .when(sign('2026-04-23'))
      .then({
        type: 'ContractSigned',
        data: { ...ids, signedOn: '2026-04-23', filingDueOn: '2026-05-03', ruleSet },
      });
  });
});

describe('Collective contracts: renewal and the yearly fulfilment check', () => {
  const renewal = (requestedOn: string, ended = false) =>
    under({
      type: 'RequestRenewal',
      data: { union: { id: 'u1', ended }, renewalContractId: 'c2', requestedOn },
      metadata: on('2028-04-01'),
    });
  const renewalDue = (now: string) =>
    under({ type: 'MarkRenewalDue', data: { dueOn: '2028-01-25' }, metadata: on(now, 'system') });
  const check = (checkedOn: string, year = Number(checkedOn.slice(0, 4))) =>
    under({
      type: 'CheckFulfilment',
      data: { checkedOn, year, fulfilmentRate: 0.96, workerSatisfactionRate: 0.9 },
      metadata: on('2028-04-01'),
    });
  const requestedRenewal: ContractEvent = {
    type: 'ContractRenewalRequested',
    data: { ...ids, renewalContractId: 'c2', requestedOn: '2028-02-01' },
  };

  it('calls for renewal the day the last 3 months begin, not the day before, not once requested', () => {
    spec.given(inForce).when(renewalDue('2028-01-24')).thenThrows(IllegalStateError, /not open/);
    spec
      .given(inForce)
      .when(renewalDue('2028-01-25'))
      .then({
        type: 'ContractRenewalDue',
        data: { ...ids, renewalWindowOpensOn: '2028-01-25', expiresOn: '2028-04-25' },
      });
    spec
      .given([...inForce, requestedRenewal])
      .when(renewalDue('2028-01-26'))
      .thenThrows(IllegalStateError, /No renewal/);
  });

  it('takes a renewal request in the window, once, from a union that still exists', () => {
    spec.given(inForce).when(renewal('2028-02-01')).then(requestedRenewal);
    spec.given(inForce).when(renewal('2028-01-24')).thenThrows(IllegalStateError, /from 2028-01-25/);
    spec
      .given([...inForce, requestedRenewal])
      .when(renewal('2028-02-02'))
      .thenThrows(IllegalStateError, /already/);
    spec.given(inForce).when(renewal('2028-02-01', true)).thenThrows(IllegalStateError, /dissolved/);
    spec.given(approved).when(renewal('2028-02-01')).thenThrows(IllegalStateError, /Approved/);
  });

  it('records one fulfilment check a year within the term', () => {
    const checked: ContractEvent = {
      type: 'ContractFulfilmentChecked',
      data: {
        ...ids,
        checkedOn: '2026-12-20',
        year: 2026,
        fulfilmentRate: 0.96,
        workerSatisfactionRate: 0.9,
      },
    };
    spec.given(inForce).when(check('2026-12-20')).then(checked);
    spec.given([...inForce, checked]).when(check('2026-12-28')).thenThrows(IllegalStateError, /already/);
    spec.given(inForce).when(check('2026-04-24')).thenThrows(IllegalStateError, /outside the term/);
    spec.given(inForce).when(check('2026-12-20', 2027)).thenThrows(IllegalStateError, /year/);
    spec.given(approved).when(check('2026-12-20')).thenThrows(IllegalStateError, /Approved/);
  });
});
