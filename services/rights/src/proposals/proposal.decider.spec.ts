import type { ProposalEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { DecideProposal } from './proposal.commands';
import { isOpenProposalOf, proposalDecider } from './proposal.decider';

const spec = DeciderSpecification.for(proposalDecider);
const metadata = commandMetadata({ now: '2026-06-20T02:00:00Z', actorRole: 'union_cadre' });
const submitted: ProposalEvent = {
  type: 'ProposalSubmitted',
  data: {
    proposalId: 'p1',
    congressId: 'k1',
    unionId: 'u1',
    title: '改善职工食堂',
    submittedBy: '王芳等5名代表',
    submittedOn: '2026-03-10',
  },
};
const decided = (outcome: DecideProposal['data']['outcome'], more = {}): ProposalEvent => ({
  type: 'ProposalDecided',
  data: {
    proposalId: 'p1',
    unionId: 'u1',
    outcome,
    decidedOn: '2026-03-18',
    reason: null,
    mergedIntoProposalId: null,
    ...more,
  },
});
const decide = (data: Partial<DecideProposal['data']>) => ({
  type: 'DecideProposal' as const,
  data: { outcome: 'accepted' as const, decidedOn: '2026-03-18', ...data },
  metadata,
});
const answered: ProposalEvent = {
  type: 'ProposalAnswered',
  data: { proposalId: 'p1', unionId: 'u1', answeredOn: '2026-04-01', answer: '食堂已增设窗口' },
};

describe('Proposals (提案)', () => {
  it('is submitted to a congress session', () =>
    spec
      .given([])
      .when({
        type: 'SubmitProposal',
        data: {
          proposalId: 'p1',
          congress: { congressId: 'k1', unionId: 'u1' },
          title: '改善职工食堂',
          submittedBy: '王芳等5名代表',
          submittedOn: '2026-03-10',
        },
        metadata,
      })
      .then(submitted));

  it('is accepted, merged into another, or not accepted with a reason', () => {
    spec.given([submitted]).when(decide({})).then(decided('accepted'));
    spec
      .given([submitted])
      .when(decide({ outcome: 'merged', mergedIntoProposalId: 'p2' }))
      .then(decided('merged', { mergedIntoProposalId: 'p2' }));
    spec
      .given([submitted])
      .when(decide({ outcome: 'not_accepted', reason: '不属于提案范围' }))
      .then(decided('not_accepted', { reason: '不属于提案范围' }));
    spec
      .given([submitted])
      .when(decide({ outcome: 'not_accepted' }))
      .thenThrows(IllegalStateError, /reason/);
    spec
      .given([submitted])
      .when(decide({ outcome: 'merged' }))
      .thenThrows(IllegalStateError, /merged into/);
    spec
      .given([submitted])
      .when(decide({ decidedOn: '2026-03-01' }))
      .thenThrows(IllegalStateError, /before/);
    spec
      .given([submitted, decided('accepted')])
      .when(decide({}))
      .thenThrows(IllegalStateError);
  });

  it('is answered once accepted, then implemented; never out of order', () => {
    const answer = {
      type: 'AnswerProposal' as const,
      data: { answeredOn: '2026-04-01', answer: '食堂已增设窗口' },
      metadata,
    };
    const implement = {
      type: 'RecordImplementation' as const,
      data: { implementedOn: '2026-05-01' },
      metadata,
    };
    spec
      .given([submitted, decided('accepted')])
      .when(answer)
      .then(answered);
    spec
      .given([submitted])
      .when(answer)
      .thenThrows(IllegalStateError, /Submitted/);
    spec
      .given([submitted, decided('not_accepted', { reason: '理由' })])
      .when(answer)
      .thenThrows(IllegalStateError);
    spec
      .given([submitted, decided('accepted'), answered])
      .when(implement)
      .then({
        type: 'ProposalImplemented',
        data: { proposalId: 'p1', unionId: 'u1', implementedOn: '2026-05-01' },
      });
    spec
      .given([submitted, decided('accepted')])
      .when(implement)
      .thenThrows(IllegalStateError);
    spec.given([]).when(implement).thenThrows(NotFoundError);
  });

  describe('when its union ends (README, "A union dissolved or merged")', () => {
    const system = commandMetadata({ now: '2026-06-20T02:00:00Z', actorRole: 'system' });
    const merged = {
      type: 'ActOnUnionEnd' as const,
      data: {
        end: {
          kind: 'merged' as const,
          unionId: 'u1',
          on: '2026-05-01',
          into: { id: 'u2', path: 'm/d/u2' },
        },
      },
      metadata: system,
    };
    const dissolved = {
      type: 'ActOnUnionEnd' as const,
      data: {
        end: {
          kind: 'dissolved' as const,
          unionId: 'u1',
          on: '2026-05-01',
          union: { id: 'u1', path: 'm/d/u1' },
          federationId: 'd',
        },
      },
      metadata: system,
    };
    const handedOver = (answeredToo: boolean): ProposalEvent => ({
      type: 'ProposalHandedOver',
      data: {
        proposalId: 'p1',
        fromUnionId: 'u1',
        toUnionId: 'u2',
        on: '2026-05-01',
        answered: answeredToo,
      },
    });

    it('hands an open proposal over to the union it merged into, answered or not', () => {
      spec.given([submitted]).when(merged).then(handedOver(false));
      spec
        .given([submitted, decided('accepted'), answered])
        .when(merged)
        .then(handedOver(true));
      const state = [submitted, handedOver(false)].reduce(
        (state, event) => proposalDecider.evolve(state, event),
        proposalDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'Submitted', unionId: 'u2' });
      expect(isOpenProposalOf(state, 'u1')).toBe(false);
    });

    it('closes a proposal not answered yet as not answered when the union is dissolved', () => {
      const closed: ProposalEvent = {
        type: 'ProposalClosedUnanswered',
        data: { proposalId: 'p1', unionId: 'u1', closedOn: '2026-05-01', reason: 'dissolved' },
      };
      spec
        .given([submitted, decided('accepted')])
        .when(dissolved)
        .then(closed);
      spec
        .given([submitted, closed])
        .when(dissolved)
        .thenThrows(IllegalStateError, /ClosedUnanswered/);
    });

    it('leaves an answered proposal of a dissolved union, and a concluded one, as it is', () => {
      spec
        .given([submitted, decided('accepted'), answered])
        .when(dissolved)
        .then([]);
      spec
        .given([submitted, decided('not_accepted', { reason: '不属于提案范围' })])
        .when(merged)
        .thenThrows(IllegalStateError, /NotAccepted/);
      spec.given([]).when(merged).thenThrows(NotFoundError);
    });
  });
});
