import type { EventEnvelope, RightsEvent } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { figureSet } from '../as-of';

/**
 * Rights' figures 维权指标 (DESIGN §6), from `taizhang.rights.v1`: disputes received, agreed,
 * failed (referred to arbitration) and overdue (past the mediation days without agreement), the
 * amount recovered in fen, the unions with a workers' congress in the year, and the proposals
 * (提案) received and answered.
 */
export const RIGHTS_FIGURES = figureSet('rights', [
  'disputes_received',
  'disputes_agreed',
  'disputes_failed',
  'disputes_overdue',
  'amount_recovered_fen',
  'unions_with_congress',
  'proposals_received',
  'proposals_answered',
]);
export type RightsFigure = (typeof RIGHTS_FIGURES.figures)[number];

/** The first day of the year after `day`'s: a union's congress counts within its own year. */
export const nextNewYear = (day: string): string => `${Number(day.slice(0, 4)) + 1}-01-01`;

/**
 * A record handed over to the union its own merged into (rights' README, "A union dissolved or
 * merged") counts from that day with the union that now keeps it: what it added to the union it
 * left moves along, so that each union's figures stay whole (agreed + failed ≤ received) and a
 * federation above both sees the same totals.
 */
const moved = (
  from: string,
  to: string,
  day: string,
  figures: FigureDelta<RightsFigure>['figures'],
): FigureDelta<RightsFigure>[] => [
  {
    unitId: from,
    day,
    figures: Object.fromEntries(Object.entries(figures).map(([name, n]) => [name, -n])),
  },
  { unitId: to, day, figures },
];

/** A handed-over record's counts, moved from the union it left to the one that keeps it. */
const handedOverDeltas = (
  event: Extract<RightsEvent, { type: 'DisputeHandedOver' | 'ProposalHandedOver' }>,
): FigureDelta<RightsFigure>[] => {
  const { fromUnionId, toUnionId, on } = event.data;
  if (event.type === 'DisputeHandedOver')
    return moved(fromUnionId, toUnionId, on, {
      disputes_received: 1,
      ...(event.data.eligibleForArbitration ? { disputes_overdue: 1 } : {}),
    });

  return moved(fromUnionId, toUnionId, on, {
    proposals_received: 1,
    ...(event.data.answered ? { proposals_answered: 1 } : {}),
  });
};

/** What an event of rights' topic changes, on its business date, for its union (pure). */
export const rightsFigureDeltas = (event: EventEnvelope): FigureDelta<RightsFigure>[] => {
  const unitId = event.orgUnitId;
  const one = (day: string, figures: FigureDelta<RightsFigure>['figures']) => [
    { unitId, day, figures },
  ];
  // The transport has validated the event against rights' registry.
  const typed = { type: event.type, data: event.data } as RightsEvent;
  switch (typed.type) {
    case 'DisputeRegistered':
      return one(typed.data.acceptedOn, { disputes_received: 1 });
    case 'DisputeAgreed':
      return one(typed.data.agreedOn, {
        disputes_agreed: 1,
        amount_recovered_fen: typed.data.amountRecoveredFen,
      });
    case 'DisputeFailed':
      return one(typed.data.failedOn, { disputes_failed: 1 });
    case 'DisputeArbitrationEligible':
      return one(typed.data.eligibleOn, { disputes_overdue: 1 });
    case 'ProposalSubmitted':
      return one(typed.data.submittedOn, { proposals_received: 1 });
    case 'ProposalAnswered':
      return one(typed.data.answeredOn, { proposals_answered: 1 });
    case 'DisputeHandedOver':
    case 'ProposalHandedOver':
      return handedOverDeltas(typed);
    default:
      return [];
  }
};
