import type { EventEnvelope, RightsEvent } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { figureSet } from '../as-of';

/**
 * Labour-protection figures 劳动保护指标 (DESIGN §6), from `taizhang.rights.v1`: inspections (of
 * them women workers' special protection, 女职工"五期"), hazards found, rectified, and overdue
 * (not rectified by the due date; counted once, a late rectification stays counted).
 */
export const PROTECTION_FIGURES = figureSet('protection', [
  'inspections',
  'women_special_inspections',
  'hazards_found',
  'hazards_rectified',
  'hazards_overdue',
]);
export type ProtectionFigure = (typeof PROTECTION_FIGURES.figures)[number];

/** What an event of rights' topic changes, on its business date, for its union (pure). */
export const protectionFigureDeltas = (event: EventEnvelope): FigureDelta<ProtectionFigure>[] => {
  const one = (day: string, figures: FigureDelta<ProtectionFigure>['figures']) => [
    { unitId: event.orgUnitId, day, figures },
  ];
  // The transport has validated the event against rights' registry.
  const typed = { type: event.type, data: event.data } as RightsEvent;
  switch (typed.type) {
    case 'LabourInspectionRecorded':
      return one(typed.data.inspectedOn, {
        inspections: 1,
        women_special_inspections: typed.data.kind === 'women_special' ? 1 : 0,
      });
    case 'HazardFound':
      return one(typed.data.foundOn, { hazards_found: 1 });
    case 'HazardRectified':
      return one(typed.data.rectifiedOn, { hazards_rectified: 1 });
    case 'HazardRectificationOverdue':
      return one(typed.data.overdueOn, { hazards_overdue: 1 });
    case 'InspectionHandedOver': {
      // What it counted moves from the merged union to the surviving one on the merger's day.
      const { fromUnionId, toUnionId, on, womenSpecial, ...hazards } = typed.data;
      const figures = {
        inspections: 1,
        women_special_inspections: womenSpecial ? 1 : 0,
        hazards_found: hazards.hazardsFound,
        hazards_rectified: hazards.hazardsRectified,
        hazards_overdue: hazards.hazardsOverdue,
      };
      const negated = Object.fromEntries(Object.entries(figures).map(([k, n]) => [k, -n]));

      return [
        { unitId: fromUnionId, day: on, figures: negated },
        { unitId: toUnionId, day: on, figures },
      ];
    }
    default:
      return [];
  }
};
