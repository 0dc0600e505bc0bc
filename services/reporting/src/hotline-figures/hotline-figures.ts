import type { EventEnvelope, HotlineEvent } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { figureSet } from '../as-of';

/**
 * The 12351 hotline's figures 热线指标 (DESIGN §6), from `taizhang.rights.v1`: tickets held (of
 * them legal aid 法律援助), closed, closed on time, overdue, the caller's satisfaction as a sum and
 * a count (a mean adds up over a subtree only so), and the wages recovered in fen. A ticket counts
 * where it is held: an assignment moves it from the unit that held it to the one below, and its
 * union's end to the surviving union or the federation above (a common ancestor's totals stay).
 */
export const HOTLINE_FIGURES = figureSet('hotline', [
  'hotline_tickets',
  'hotline_legal_aid',
  'hotline_closed',
  'hotline_closed_on_time',
  'hotline_overdue',
  'hotline_satisfaction_sum',
  'hotline_satisfaction_count',
  'hotline_wages_recovered_fen',
]);
export type HotlineFigure = (typeof HOTLINE_FIGURES.figures)[number];

/** The day after `day` (YYYY-MM-DD): a ticket is overdue once its last day is over. */
export const dayAfter = (day: string): string => {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);

  return next.toISOString().slice(0, 10);
};

/** What an open ticket counts where it is held, moved away (-1) or arriving (1). */
const held = (sign: 1 | -1, legalAid: boolean, overdue: boolean) => ({
  hotline_tickets: sign,
  hotline_legal_aid: legalAid ? sign : 0,
  hotline_overdue: overdue ? sign : 0,
});

type TicketMove = Extract<
  HotlineEvent,
  { type: 'HotlineTicketAssigned' | 'HotlineTicketHandedOver' | 'HotlineTicketKeptByFederation' }
>;

const MOVES = new Set<string>([
  'HotlineTicketAssigned',
  'HotlineTicketHandedOver',
  'HotlineTicketKeptByFederation',
] satisfies TicketMove['type'][]);

/**
 * An open ticket moving to another holder: assigned below, or its union ended (to the surviving
 * union, or the federation above). What it counts leaves one unit for the other on the day.
 */
const movedTicket = (event: TicketMove): FigureDelta<HotlineFigure>[] => {
  const { legalAid, overdue } = event.data;
  const [from, to, day] =
    event.type === 'HotlineTicketAssigned'
      ? [event.data.fromOrgUnitId, event.data.toOrgUnitId, event.data.assignedOn]
      : event.type === 'HotlineTicketHandedOver'
        ? [event.data.fromUnitId, event.data.toUnitId, event.data.on]
        : [event.data.unitId, event.data.keeperId, event.data.on];
  if (from === to) return [];

  return [
    { unitId: from, day, figures: held(-1, legalAid, overdue) },
    { unitId: to, day, figures: held(1, legalAid, overdue) },
  ];
};

/** What a hotline event changes, on its business date, for the units it names (pure). */
export const hotlineFigureDeltas = (event: EventEnvelope): FigureDelta<HotlineFigure>[] => {
  // The transport has validated the event against rights' registry.
  const typed = { type: event.type, data: event.data } as HotlineEvent;
  if (MOVES.has(typed.type)) return movedTicket(typed as TicketMove);
  switch (typed.type) {
    case 'HotlineTicketReceived':
      return [
        {
          unitId: typed.data.orgUnitId,
          day: typed.data.receivedOn,
          figures: { hotline_tickets: 1, hotline_legal_aid: typed.data.legalAid ? 1 : 0 },
        },
      ];
    case 'HotlineTicketClosed': {
      const { orgUnitId, closedOn, onTime, satisfaction, wagesRecoveredFen } = typed.data;

      return [
        {
          unitId: orgUnitId,
          day: closedOn,
          figures: {
            hotline_closed: 1,
            hotline_closed_on_time: onTime ? 1 : 0,
            hotline_satisfaction_sum: satisfaction ?? 0,
            hotline_satisfaction_count: satisfaction === null ? 0 : 1,
            hotline_wages_recovered_fen: wagesRecoveredFen,
          },
        },
      ];
    }
    case 'HotlineTicketOverdue':
      return [
        {
          unitId: typed.data.orgUnitId,
          day: dayAfter(typed.data.answerDueOn),
          figures: { hotline_overdue: 1 },
        },
      ];
    default:
      return [];
  }
};
