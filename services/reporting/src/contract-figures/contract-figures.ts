import type { ContractKind, EventEnvelope, RightsEvent } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { figureSet } from '../as-of';

/**
 * Collective contracts in force 集体合同 (DESIGN §6), from `taizhang.rights.v1`: a contract deemed
 * effective counts from its effective day up to its expiry day (the first day no longer in force),
 * by kind, with the workforce it covers and, for a wage contract with an agreed increase, the
 * increase in hundredths of a percent (integers: the mean is their sum over their count).
 */
export const CONTRACT_FIGURES = figureSet('contracts', [
  'contracts_in_force',
  'comprehensive_in_force',
  'wage_in_force',
  'women_in_force',
  'safety_in_force',
  'workforce_covered',
  'wage_increases',
  'wage_increase_hundredths',
]);
export type ContractFigure = (typeof CONTRACT_FIGURES.figures)[number];

const KIND_FIGURE: Record<ContractKind, ContractFigure> = {
  comprehensive: 'comprehensive_in_force',
  wage: 'wage_in_force',
  women: 'women_in_force',
  safety: 'safety_in_force',
};

/** What an event of rights' topic changes of the contracts in force, on which days (pure). */
export const contractFigureDeltas = (event: EventEnvelope): FigureDelta<ContractFigure>[] => {
  // The transport has validated the event against rights' registry.
  const typed = { type: event.type, data: event.data } as RightsEvent;
  if (typed.type !== 'ContractDeemedEffective') return [];
  const { kind, effectiveOn, expiresOn, workforceCovered, wageIncreasePercent } = typed.data;
  const increase = kind === 'wage' && wageIncreasePercent !== null;
  const figures = (sign: 1 | -1): FigureDelta<ContractFigure>['figures'] => ({
    contracts_in_force: sign,
    [KIND_FIGURE[kind]]: sign,
    workforce_covered: sign * workforceCovered,
    ...(increase
      ? {
          wage_increases: sign,
          wage_increase_hundredths: sign * Math.round(wageIncreasePercent * 100),
        }
      : {}),
  });
  const unitId = event.orgUnitId;

  return [
    { unitId, day: effectiveOn, figures: figures(1) },
    { unitId, day: expiresOn, figures: figures(-1) },
  ];
};
