import type { Pool } from 'pg';
import { z } from 'zod';

import { businessDate } from '@taizhang/domain';

import { figuresAsOf } from '../as-of';
import { PROTECTION_FIGURES } from './protection-figures';

/** Labour-protection figures of a unit's subtree, merged into the rights figures. */
export const ProtectionFiguresSchema = z.object({
  inspections: z.number().int().describe('labour-protection inspections 劳动保护监督检查次数'),
  womenSpecialInspections: z
    .number()
    .int()
    .describe('of them women workers’ special protection checks 女职工"五期"保护检查'),
  hazardsFound: z.number().int().describe('hazards found 发现隐患'),
  hazardsRectified: z.number().int().describe('hazards rectified 已整改隐患'),
  hazardsOverdue: z
    .number()
    .int()
    .describe(
      'hazards not rectified by their due date 逾期未整改 (counted once, even if rectified later)',
    ),
});
export type ProtectionFigures = z.infer<typeof ProtectionFiguresSchema>;

/** The figures of a unit's subtree (or the unit alone) at the end of `asOf`, as known at `knownAt`. */
export const protectionFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  { knownAt = null, of = 'subtree' }: { knownAt?: string | null; of?: 'subtree' | 'unit' } = {},
): Promise<ProtectionFigures> => {
  const sums = await figuresAsOf(
    pool,
    PROTECTION_FIGURES,
    orgUnitId,
    asOf ?? businessDate(new Date()),
    undefined,
    of,
    knownAt,
  );

  return {
    inspections: sums.inspections,
    womenSpecialInspections: sums.women_special_inspections,
    hazardsFound: sums.hazards_found,
    hazardsRectified: sums.hazards_rectified,
    hazardsOverdue: sums.hazards_overdue,
  };
};
