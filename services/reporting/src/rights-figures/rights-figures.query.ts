import type { Pool } from 'pg';
import { z } from 'zod';

import { businessDate } from '@taizhang/domain';

import { figuresAsOf } from '../as-of';
import { contractFiguresAsOf, ContractFiguresSchema } from '../contract-figures';
import { disclosureFiguresAsOf, DisclosureFiguresSchema } from '../disclosure-figures';
import { hotlineFiguresAsOf, HotlineFiguresSchema } from '../hotline-figures';
import { protectionFiguresAsOf, ProtectionFiguresSchema } from '../protection-figures';
import { RIGHTS_FIGURES } from './rights-figures';

/** Rights' figures of a unit's subtree, as the summary and the drill-down show them. */
export const RightsFiguresSchema = z.object({
  disputesReceived: z
    .number()
    .int()
    .describe('labour disputes accepted for mediation 受理劳动争议'),
  disputesAgreed: z.number().int().describe('disputes ended in an agreement 调解成功'),
  disputesFailed: z
    .number()
    .int()
    .describe('disputes whose mediation failed, referred to arbitration 调解不成'),
  disputesOverdue: z
    .number()
    .int()
    .describe('disputes past the mediation days (15) without agreement 逾期未调结'),
  mediationSuccessRate: z
    .number()
    .nullable()
    .describe(
      '调解成功率 = disputesAgreed / (disputesAgreed + disputesFailed); null when none ended',
    ),
  amountRecoveredFen: z.number().int().describe('what agreements recovered, in fen 分'),
  unionsWithCongressThisYear: z
    .number()
    .int()
    .describe('unions with a workers’ congress session in the year of the date 本年召开职代会'),
  proposalsReceived: z.number().int().describe('proposals submitted to congresses 提案数'),
  proposalsAnswered: z.number().int().describe('proposals answered 已答复提案数'),
  // 劳动保护: its own figure set (services/reporting/src/protection-figures).
  ...ProtectionFiguresSchema.shape,
  ...HotlineFiguresSchema.shape,
  // 集体合同 (contract-figures/).
  ...ContractFiguresSchema.shape,
  // 厂务公开 and 劳动关系预警 (src/disclosure-figures).
  ...DisclosureFiguresSchema.shape,
});
export type RightsFigures = z.infer<typeof RightsFiguresSchema>;

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/**
 * The rights figures of a unit's subtree (or of the unit alone, `of: 'unit'`) at the end of
 * `asOf` (null: now), as known at an instant (`knownAt`, null: now).
 */
export const rightsFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  { knownAt = null, of = 'subtree' }: { knownAt?: string | null; of?: 'subtree' | 'unit' } = {},
): Promise<RightsFigures> => {
  // "Now" as a date: the year of a congress is the calendar year of the day asked about.
  const day = asOf ?? businessDate(new Date());
  const [sums, hotline, disclosures, contracts, protection] = await Promise.all([
    figuresAsOf(pool, RIGHTS_FIGURES, orgUnitId, day, undefined, of, knownAt),
    hotlineFiguresAsOf(pool, orgUnitId, day, { knownAt, of }),
    disclosureFiguresAsOf(pool, orgUnitId, day, { knownAt, of }),
    contractFiguresAsOf(pool, orgUnitId, day, { knownAt, of }),
    protectionFiguresAsOf(pool, orgUnitId, day, { knownAt, of }),
  ]);

  return {
    disputesReceived: sums.disputes_received,
    disputesAgreed: sums.disputes_agreed,
    disputesFailed: sums.disputes_failed,
    disputesOverdue: sums.disputes_overdue,
    mediationSuccessRate: rate(sums.disputes_agreed, sums.disputes_agreed + sums.disputes_failed),
    amountRecoveredFen: sums.amount_recovered_fen,
    unionsWithCongressThisYear: sums.unions_with_congress,
    proposalsReceived: sums.proposals_received,
    proposalsAnswered: sums.proposals_answered,
    ...protection,
    ...hotline,
    ...disclosures,
    ...contracts,
  };
};
