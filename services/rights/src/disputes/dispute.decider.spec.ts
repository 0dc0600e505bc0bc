import type { DisputeEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { DisputeCommand, RegisterDispute } from './dispute.commands';
import { disputeDecider, isOpenDisputeOf } from './dispute.decider';

const spec = DeciderSpecification.for(disputeDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'union_cadre' });
const national = NATIONAL_RULES_IN_FORCE;
// A region whose mediation committees have 30 days (an amendment), to show the rule is read.
const liaoning: RulesInForce = {
  region: '2101',
  version: 2,
  values: { ...national.values, disputes: { ...national.values.disputes, mediationDays: 30 } },
};
const under = <C extends DisputeCommand>(command: C, rules = national): UnderRules<C> => ({
  ...command,
  rules,
});
const register = (
  data: Partial<RegisterDispute['data']> = {},
  rules = national,
): UnderRules<RegisterDispute> =>
  under(
    {
      type: 'RegisterDispute',
      data: {
        disputeId: 'd1',
        union: { id: 'u1', ended: false },
        category: 'overtime',
        claimants: [{ memberId: 'm1', name: '王芳', activeMember: true }],
        amountClaimedFen: 1_200_000,
        acceptedOn: '2026-03-01',
        ...data,
      },
      metadata,
    },
    rules,
  );
const registered: DisputeEvent = {
  type: 'DisputeRegistered',
  data: {
    disputeId: 'd1',
    unionId: 'u1',
    category: 'overtime',
    claimants: [{ memberId: 'm1', name: '王芳' }],
    amountClaimedFen: 1_200_000,
    acceptedOn: '2026-03-01',
    arbitrationEligibleOn: '2026-03-16',
    ruleSet: { region: 'national', version: 1 },
  },
};
const agree = (agreedOn = '2026-03-10', amountRecoveredFen = 800_000) =>
  under({ type: 'RecordAgreement', data: { agreedOn, amountRecoveredFen }, metadata });
const fail = (failedOn = '2026-03-12') =>
  under({ type: 'RecordFailure', data: { failedOn, reason: '用人单位拒绝调解' }, metadata });
const withdraw = () =>
  under({
    type: 'WithdrawDispute',
    data: { withdrawnOn: '2026-03-05', reason: '双方自行和解' },
    metadata,
  });
const markEligible = (now: string) =>
  under({
    type: 'MarkArbitrationEligible',
    data: { dueOn: '2026-03-16' },
    metadata: commandMetadata({ now, actorRole: 'system', actorId: 'arbitration-clock' }),
  });

describe('Dispute mediation (劳动争议调解)', () => {
  describe('when a committee accepts a dispute', () => {
    it('registers it with its arbitration day under the rules in force (15 days)', () =>
      spec.given([]).when(register()).then(registered));

    it('counts the mediation days of the region’s rule set, and records which', () =>
      spec
        .given([])
        .when(register({}, liaoning))
        .then({
          ...registered,
          data: {
            ...registered.data,
            arbitrationEligibleOn: '2026-03-31',
            ruleSet: { region: '2101', version: 2 },
          },
        }));

    it('asks hardship aid to screen the members of a work-injury or unpaid-wages dispute', () =>
      spec
        .given([])
        .when(
          register({
            category: 'unpaid_wages',
            claimants: [
              { memberId: 'm1', name: '王芳', activeMember: true },
              { memberId: null, name: '李雷', activeMember: false },
            ],
          }),
        )
        .then([
          {
            ...registered,
            data: {
              ...registered.data,
              category: 'unpaid_wages',
              claimants: [
                { memberId: 'm1', name: '王芳' },
                { memberId: null, name: '李雷' },
              ],
            },
          },
          {
            type: 'HardshipScreeningRequested',
            data: {
              disputeId: 'd1',
              unionId: 'u1',
              memberIds: ['m1'],
              category: 'unpaid_wages',
              amountClaimedFen: 1_200_000,
              requestedOn: '2026-03-01',
            },
          },
        ]));

    it('refuses a claimant named as a member who is not one of the union', () =>
      spec
        .given([])
        .when(register({ claimants: [{ memberId: 'm9', name: '赵六', activeMember: false }] }))
        .thenThrows(IllegalStateError, /not a member/));

    it('refuses a member named twice, a future acceptance, an ended union, a second registration', () => {
      spec
        .given([])
        .when(
          register({
            claimants: [
              { memberId: 'm1', name: '王芳', activeMember: true },
              { memberId: 'm1', name: '王芳', activeMember: true },
            ],
          }),
        )
        .thenThrows(IllegalStateError, /twice/);
      spec
        .given([])
        .when(register({ acceptedOn: '2026-03-21' }))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([])
        .when(register({ union: { id: 'u1', ended: true } }))
        .thenThrows(IllegalStateError, /dissolved or merged/);
      spec
        .given([registered])
        .when(register())
        .thenThrows(IllegalStateError, /already/);
    });
  });

  describe('when a dispute is open', () => {
    it('ends in an agreement with the amount recovered', () =>
      spec
        .given([registered])
        .when(agree())
        .then({
          type: 'DisputeAgreed',
          data: {
            disputeId: 'd1',
            unionId: 'u1',
            agreedOn: '2026-03-10',
            amountRecoveredFen: 800_000,
          },
        }));

    it('fails and is referred to arbitration', () =>
      spec
        .given([registered])
        .when(fail())
        .then({
          type: 'DisputeFailed',
          data: {
            disputeId: 'd1',
            unionId: 'u1',
            failedOn: '2026-03-12',
            reason: '用人单位拒绝调解',
            referredToArbitration: true,
          },
        }));

    it('is withdrawn', () =>
      spec
        .given([registered])
        .when(withdraw())
        .then({
          type: 'DisputeWithdrawn',
          data: {
            disputeId: 'd1',
            unionId: 'u1',
            withdrawnOn: '2026-03-05',
            reason: '双方自行和解',
          },
        }));

    it('refuses a conclusion dated before the acceptance or in the future', () => {
      spec
        .given([registered])
        .when(agree('2026-02-28'))
        .thenThrows(IllegalStateError, /before the dispute was accepted/);
      spec
        .given([registered])
        .when(fail('2026-04-01'))
        .thenThrows(IllegalStateError, /future/);
    });

    it('becomes eligible for arbitration on its day, never before', () => {
      spec
        .given([registered])
        .when(markEligible('2026-03-15T02:00:00Z'))
        .thenThrows(IllegalStateError, /not run out/);
      spec
        .given([registered])
        .when(markEligible('2026-03-16T02:00:00Z'))
        .then({
          type: 'DisputeArbitrationEligible',
          data: {
            disputeId: 'd1',
            unionId: 'u1',
            acceptedOn: '2026-03-01',
            eligibleOn: '2026-03-16',
          },
        });
    });

    it('may still be agreed after it became eligible for arbitration', () =>
      spec
        .given([
          registered,
          {
            type: 'DisputeArbitrationEligible',
            data: {
              disputeId: 'd1',
              unionId: 'u1',
              acceptedOn: '2026-03-01',
              eligibleOn: '2026-03-16',
            },
          },
        ])
        .when(agree('2026-03-18'))
        .then({
          type: 'DisputeAgreed',
          data: {
            disputeId: 'd1',
            unionId: 'u1',
            agreedOn: '2026-03-18',
            amountRecoveredFen: 800_000,
          },
        }));
  });

  describe('when a dispute is closed or unknown', () => {
    const agreed: DisputeEvent = {
      type: 'DisputeAgreed',
      data: { disputeId: 'd1', unionId: 'u1', agreedOn: '2026-03-10', amountRecoveredFen: 1 },
    };

    it('refuses a second conclusion and the clock', () => {
      spec
        .given([registered, agreed])
        .when(fail())
        .thenThrows(IllegalStateError, /closed/);
      spec
        .given([registered, agreed])
        .when(withdraw())
        .thenThrows(IllegalStateError, /closed/);
      spec
        .given([registered, agreed])
        .when(markEligible('2026-03-16T02:00:00Z'))
        .thenThrows(IllegalStateError, /concluded/);
    });

    it('knows no dispute that was never registered', () =>
      spec.given([]).when(agree()).thenThrows(NotFoundError));
  });

  describe('when its union ends (README, "A union dissolved or merged")', () => {
    const merged = under({
      type: 'ActOnUnionEnd',
      data: {
        end: {
          kind: 'merged',
          unionId: 'u1',
          on: '2026-03-18',
          into: { id: 'u2', path: 'm/d/u2' },
        },
      },
      metadata: commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'system' }),
    });
    const dissolved = under({
      type: 'ActOnUnionEnd',
      data: {
        end: {
          kind: 'dissolved',
          unionId: 'u1',
          on: '2026-03-18',
          union: { id: 'u1', path: 'm/d/u1' },
          federationId: 'd',
        },
      },
      metadata: commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'system' }),
    });
    const handedOver: DisputeEvent = {
      type: 'DisputeHandedOver',
      data: {
        disputeId: 'd1',
        fromUnionId: 'u1',
        toUnionId: 'u2',
        on: '2026-03-18',
        eligibleForArbitration: false,
      },
    };
    const kept: DisputeEvent = {
      type: 'DisputeKeptByFederation',
      data: { disputeId: 'd1', unionId: 'u1', keeperId: 'd', on: '2026-03-18' },
    };
    const eligible: DisputeEvent = {
      type: 'DisputeArbitrationEligible',
      data: { disputeId: 'd1', unionId: 'u1', acceptedOn: '2026-03-01', eligibleOn: '2026-03-16' },
    };

    it('hands an open dispute over to the union it merged into, with its overdue state', () => {
      spec.given([registered]).when(merged).then(handedOver);
      spec
        .given([registered, eligible])
        .when(merged)
        .then({ ...handedOver, data: { ...handedOver.data, eligibleForArbitration: true } });
    });

    it('then belongs to the surviving union, which concludes it', () => {
      const state = [registered, handedOver].reduce(
        (state, event) => disputeDecider.evolve(state, event),
        disputeDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'Open', unionId: 'u2' });
      expect(isOpenDisputeOf(state, 'u1')).toBe(false);
      spec
        .given([registered, handedOver])
        .when(agree())
        .then({
          type: 'DisputeAgreed',
          data: {
            disputeId: 'd1',
            unionId: 'u2',
            agreedOn: '2026-03-10',
            amountRecoveredFen: 800_000,
          },
        });
    });

    it('keeps an open dispute open for the federation above when the union is dissolved, once', () => {
      spec.given([registered]).when(dissolved).then(kept);
      spec.given([registered, kept]).when(dissolved).then([]);
      const state = [registered, kept].reduce(
        (state, event) => disputeDecider.evolve(state, event),
        disputeDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'Open', unionId: 'u1', keeperId: 'd' });
      expect(isOpenDisputeOf(state, 'u1')).toBe(false);
    });

    it('leaves a concluded dispute, or one of another union, as it is', () => {
      const closed: DisputeEvent = {
        type: 'DisputeWithdrawn',
        data: { disputeId: 'd1', unionId: 'u1', withdrawnOn: '2026-03-05', reason: '和解' },
      };
      spec
        .given([registered, closed])
        .when(merged)
        .thenThrows(IllegalStateError, /closed/);
      spec
        .given([registered, handedOver])
        .when(merged)
        .thenThrows(IllegalStateError, /not of the union/);
      spec
        .given([])
        .when(dissolved)
        .thenThrows(NotFoundError, /does not exist/);
    });
  });
});
