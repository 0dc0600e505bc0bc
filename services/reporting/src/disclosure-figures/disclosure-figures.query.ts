import type { Pool } from 'pg';
import { z } from 'zod';

import { figuresAsOf } from '../as-of';
import { DISCLOSURE_FIGURES } from './disclosure-figures';

/** The figures of 厂务公开 and 劳动关系预警 of a unit's subtree, in the rights block. */
export const DisclosureFiguresSchema = z.object({
  unionsWithDisclosure: z
    .number()
    .int()
    .describe('unions with an affairs disclosure in the year of the date 本年开展厂务公开'),
  earlyWarningsOpen: z
    .number()
    .int()
    .describe('labour-relations early warnings open at the end of the date 未解除劳动关系预警'),
  earlyWarningsOpenBlue: z.number().int().describe('of them at blue 蓝色预警'),
  earlyWarningsOpenYellow: z.number().int().describe('of them at yellow 黄色预警'),
  earlyWarningsOpenOrange: z.number().int().describe('of them at orange 橙色预警'),
  earlyWarningsOpenRed: z.number().int().describe('of them at red 红色预警'),
});
export type DisclosureFigures = z.infer<typeof DisclosureFiguresSchema>;

/**
 * The figures of a unit's subtree (or of the unit alone, `of: 'unit'`) at the end of `asOf`
 * (a date: the year of a disclosure is the date's), as known at an instant (`knownAt`, null: now).
 */
export const disclosureFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  { knownAt = null, of = 'subtree' }: { knownAt?: string | null; of?: 'subtree' | 'unit' } = {},
): Promise<DisclosureFigures> => {
  const sums = await figuresAsOf(pool, DISCLOSURE_FIGURES, orgUnitId, asOf, undefined, of, knownAt);

  return {
    unionsWithDisclosure: sums.unions_with_disclosure,
    earlyWarningsOpen: sums.early_warnings_open,
    earlyWarningsOpenBlue: sums.early_warnings_blue,
    earlyWarningsOpenYellow: sums.early_warnings_yellow,
    earlyWarningsOpenOrange: sums.early_warnings_orange,
    earlyWarningsOpenRed: sums.early_warnings_red,
  };
};
