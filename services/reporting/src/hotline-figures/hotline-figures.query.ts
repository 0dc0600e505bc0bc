import type { Pool } from 'pg';
import { z } from 'zod';

import { figuresAsOf } from '../as-of';
import { HOTLINE_FIGURES } from './hotline-figures';

/** The hotline's figures of a unit's subtree, merged into the rights figures of the summary. */
export const HotlineFiguresSchema = z.object({
  hotlineTickets: z
    .number()
    .int()
    .describe('12351 hotline tickets received, counted where they are held 热线工单数'),
  hotlineLegalAid: z.number().int().describe('of them, requests for legal aid 法律援助人次'),
  hotlineClosed: z.number().int().describe('tickets closed 办结数'),
  hotlineOverdue: z
    .number()
    .int()
    .describe('tickets whose answer days (by tier) ran out unanswered 逾期未回复'),
  hotlineOnTimeRate: z
    .number()
    .nullable()
    .describe('按时办结率 = closed on time / closed; null when none closed'),
  hotlineSatisfaction: z
    .number()
    .nullable()
    .describe('满意度: the mean of the satisfactions given (1–5); null when none given'),
  hotlineWagesRecoveredFen: z
    .number()
    .int()
    .describe('wages recovered through the hotline, in fen 分 (热线追回工资)'),
});
export type HotlineFigures = z.infer<typeof HotlineFiguresSchema>;

const ratio = (part: number, whole: number, places: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10 ** places) / 10 ** places;

/** The hotline figures of a unit's subtree (or the unit alone) at the end of `asOf`, as known at `knownAt`. */
export const hotlineFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  { knownAt = null, of = 'subtree' }: { knownAt?: string | null; of?: 'subtree' | 'unit' } = {},
): Promise<HotlineFigures> => {
  const sums = await figuresAsOf(pool, HOTLINE_FIGURES, orgUnitId, asOf, undefined, of, knownAt);

  return {
    hotlineTickets: sums.hotline_tickets,
    hotlineLegalAid: sums.hotline_legal_aid,
    hotlineClosed: sums.hotline_closed,
    hotlineOverdue: sums.hotline_overdue,
    hotlineOnTimeRate: ratio(sums.hotline_closed_on_time, sums.hotline_closed, 4),
    hotlineSatisfaction: ratio(sums.hotline_satisfaction_sum, sums.hotline_satisfaction_count, 2),
    hotlineWagesRecoveredFen: sums.hotline_wages_recovered_fen,
  };
};
