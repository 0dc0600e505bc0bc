import type { ContractEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { ContractCommand, RequestNegotiation } from './contract.commands';
import { contractDecider, isPendingRequestOf } from './contract.decider';

const spec = DeciderSpecification.for(contractDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'union_cadre' });
const under = <C extends ContractCommand>(command: C): UnderRules<C> => ({
  ...command,
  rules: NATIONAL_RULES_IN_FORCE,
});
const request = (data: Partial<RequestNegotiation['data']> = {}) =>
  under<RequestNegotiation>({
    type: 'RequestNegotiation',
    data: {
      contractId: 'c1',
      union: { id: 'u1', ended: false },
      kind: 'wage',
      employerIds: ['e1', 'e2'],
      requestedOn: '2026-03-01',
      ...data,
    },
    metadata,
  });
const requested: ContractEvent = {
  type: 'ContractNegotiationRequested',
  data: {
    contractId: 'c1',
    unionId: 'u1',
    kind: 'wage',
    employerIds: ['e1', 'e2'],
    requestedOn: '2026-03-01',
    answerDueOn: '2026-03-21',
    ruleSet: { region: 'national', version: 1 },
  },
};
const answer = (answeredOn: string) =>
  under({ type: 'RecordAnswer', data: { answeredOn }, metadata });
const overdue = (now: string) =>
  under({
    type: 'MarkRequestOverdue',
    data: { dueOn: '2026-03-22' },
    metadata: commandMetadata({ now, actorRole: 'system', actorId: 'answer-clock' }),
  });
const overdueEvent: ContractEvent = {
  type: 'ContractRequestOverdue',
  data: { contractId: 'c1', unionId: 'u1', answerDueOn: '2026-03-21' },
};

describe('Collective contracts (集体合同): the request to negotiate (要约)', () => {
  it('records a request with its written-answer day, 20 days on (集体合同规定 §32)', () =>
    spec.given([]).when(request()).then(requested));

  it('refuses an employer named twice, a future day, an ended union, a second record', () => {
    spec
      .given([])
      .when(request({ employerIds: ['e1', 'e1'] }))
      .thenThrows(IllegalStateError, /twice/);
    spec
      .given([])
      .when(request({ requestedOn: '2026-04-01' }))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([])
      .when(request({ union: { id: 'u1', ended: true } }))
      .thenThrows(IllegalStateError, /dissolved/);
    spec
      .given([requested])
      .when(request())
      .thenThrows(IllegalStateError, /already/);
  });

  it('records the written answer once, never before the request', () => {
    const answered: ContractEvent = {
      type: 'ContractRequestAnswered',
      data: { contractId: 'c1', unionId: 'u1', answeredOn: '2026-03-15' },
    };
    spec.given([requested]).when(answer('2026-03-15')).then(answered);
    spec
      .given([requested, answered])
      .when(answer('2026-03-16'))
      .thenThrows(IllegalStateError, /already/);
    spec
      .given([requested])
      .when(answer('2026-02-28'))
      .thenThrows(IllegalStateError, /before/);
    spec.given([]).when(answer('2026-03-15')).thenThrows(NotFoundError);
  });

  it('is overdue once the 20th day is over, not before, not after an answer; a late answer is still recorded', () => {
    spec
      .given([requested])
      .when(overdue('2026-03-21T02:00:00Z'))
      .thenThrows(IllegalStateError, /not due/);
    spec.given([requested]).when(overdue('2026-03-22T02:00:00Z')).then(overdueEvent);
    spec
      .given([
        requested,
        {
          type: 'ContractRequestAnswered',
          data: { contractId: 'c1', unionId: 'u1', answeredOn: '2026-03-10' },
        },
      ])
      .when(overdue('2026-03-22T02:00:00Z'))
      .thenThrows(IllegalStateError, /in time/);
    spec
      .given([requested, overdueEvent])
      .when(answer('2026-03-20'))
      .then({
        type: 'ContractRequestAnswered',
        data: { contractId: 'c1', unionId: 'u1', answeredOn: '2026-03-20' },
      });
  });

  describe('when its union ends (README, "A union dissolved or merged")', () => {
    const system = commandMetadata({ now: '2026-03-25T02:00:00Z', actorRole: 'system' });
    const merged = under({
      type: 'ActOnUnionEnd',
      data: {
        end: {
          kind: 'merged',
          unionId: 'u1',
          on: '2026-03-24',
          into: { id: 'u2', path: 'm/d/u2' },
        },
      },
      metadata: system,
    });
    const dissolved = under({
      type: 'ActOnUnionEnd',
      data: {
        end: {
          kind: 'dissolved',
          unionId: 'u1',
          on: '2026-03-24',
          union: { id: 'u1', path: 'm/d/u1' },
          federationId: 'd',
        },
      },
      metadata: system,
    });
    const handedOver: ContractEvent = {
      type: 'ContractRequestHandedOver',
      data: { contractId: 'c1', fromUnionId: 'u1', toUnionId: 'u2', on: '2026-03-24' },
    };
    const lapsed: ContractEvent = {
      type: 'ContractRequestLapsed',
      data: { contractId: 'c1', unionId: 'u1', lapsedOn: '2026-03-24', reason: 'dissolved' },
    };

    it('hands a pending request over to the union it merged into, overdue or not', () => {
      spec.given([requested]).when(merged).then(handedOver);
      spec.given([requested, overdueEvent]).when(merged).then(handedOver);
      const state = [requested, handedOver].reduce(
        (state, event) => contractDecider.evolve(state, event),
        contractDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'Requested', unionId: 'u2' });
      expect(isPendingRequestOf(state, 'u1')).toBe(false);
      expect(isPendingRequestOf(state, 'u2')).toBe(true);
    });

    it('lets a pending request lapse with a dissolved union; no answer is taken after', () => {
      spec.given([requested]).when(dissolved).then(lapsed);
      spec
        .given([requested, lapsed])
        .when(answer('2026-03-25'))
        .thenThrows(IllegalStateError, /lapsed/);
      spec
        .given([requested, lapsed])
        .when(dissolved)
        .thenThrows(IllegalStateError, /no longer pending/);
    });

    it('leaves an answered request as it is', () => {
      const answered: ContractEvent = {
        type: 'ContractRequestAnswered',
        data: { contractId: 'c1', unionId: 'u1', answeredOn: '2026-03-15' },
      };
      spec
        .given([requested, answered])
        .when(merged)
        .thenThrows(IllegalStateError, /no longer pending/);
      spec.given([]).when(dissolved).thenThrows(NotFoundError);
    });
  });
});
