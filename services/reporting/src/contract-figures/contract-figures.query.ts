import type { Pool } from 'pg';
import { z } from 'zod';

import { figuresAsOf } from '../as-of';
import { CONTRACT_FIGURES } from './contract-figures';

/** The collective-contract figures of a unit's subtree, merged into the rights figures. */
export const ContractFiguresSchema = z.object({
  contractsInForce: z
    .number()
    .int()
    .describe(
      'collective contracts in force on the date 生效集体合同 (deemed effective, not expired)',
    ),
  contractsInForceByKind: z
    .object({
      comprehensive: z.number().int().describe('综合'),
      wage: z.number().int().describe('工资专项'),
      women: z.number().int().describe('女职工权益保护专项'),
      safety: z.number().int().describe('劳动安全卫生专项'),
    })
    .describe('contractsInForce by kind'),
  workforceCoveredByContracts: z
    .number()
    .int()
    .describe('workers covered by the contracts in force 覆盖职工'),
  averageWageIncreasePercent: z
    .number()
    .nullable()
    .describe(
      'mean agreed increase (percent) over the wage contracts in force with one; null when none',
    ),
});
export type ContractFigures = z.infer<typeof ContractFiguresSchema>;

/** The contract figures of a unit's subtree (or the unit alone) at the end of the day `asOf`. */
export const contractFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  { knownAt = null, of = 'subtree' }: { knownAt?: string | null; of?: 'subtree' | 'unit' } = {},
): Promise<ContractFigures> => {
  const sums = await figuresAsOf(pool, CONTRACT_FIGURES, orgUnitId, asOf, undefined, of, knownAt);

  return {
    contractsInForce: sums.contracts_in_force,
    contractsInForceByKind: {
      comprehensive: sums.comprehensive_in_force,
      wage: sums.wage_in_force,
      women: sums.women_in_force,
      safety: sums.safety_in_force,
    },
    workforceCoveredByContracts: sums.workforce_covered,
    averageWageIncreasePercent:
      sums.wage_increases === 0
        ? null
        : Math.round(sums.wage_increase_hundredths / sums.wage_increases) / 100,
  };
};
