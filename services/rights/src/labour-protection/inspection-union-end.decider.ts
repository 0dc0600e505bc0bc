import type { InspectionEvent } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import { recorded } from './hazard-rectification.decider';
import type { Inspection } from './inspection.state';

// The union's end (README, "A union dissolved or merged"): part of the inspection's decider, in
// a file of its own for its length.

/** Of the union, not kept by a federation, with a hazard not yet verified: what an end acts on. */
export const isOpenInspectionOf = (state: Inspection, unionId: string): boolean =>
  state.status !== 'None' &&
  state.unionId === unionId &&
  state.keeperId === null &&
  state.hazards.some((hazard) => hazard.status !== 'Verified');

/**
 * An inspection with a hazard still open passes to the union its union merged into, with what it
 * counted (reporting moves it); the union dissolved, it stays under its path and the federation
 * above follows the rectification up (the clock still runs).
 */
export const actOnUnionEnd = (command: ActOnUnionEnd, state: Inspection): InspectionEvent[] => {
  const { end } = command.data;
  const inspection = recorded(state);
  if (inspection.unionId !== end.unionId)
    throw new IllegalStateError(
      'The inspection is not of the union that ended. / 该检查不属于该工会。',
      'NOT_OF_UNION',
    );
  if (!inspection.hazards.some((hazard) => hazard.status !== 'Verified'))
    throw new IllegalStateError(
      'Every hazard of the inspection is verified. / 该检查的隐患均已整改复查。',
      'NOTHING_OPEN',
    );
  if (end.kind === 'merged')
    return [
      {
        type: 'InspectionHandedOver',
        data: {
          inspectionId: inspection.inspectionId,
          fromUnionId: inspection.unionId,
          toUnionId: end.into.id,
          on: end.on,
          womenSpecial: inspection.kind === 'women_special',
          hazardsFound: inspection.hazards.length,
          hazardsRectified: inspection.hazards.filter((h) => h.rectifiedOn !== null).length,
          hazardsOverdue: inspection.hazards.filter((h) => h.overdue).length,
        },
      },
    ];
  // Kept already (the same end told twice): nothing more to record.
  if (inspection.keeperId !== null) return [];

  return [
    {
      type: 'InspectionKeptByFederation',
      data: {
        inspectionId: inspection.inspectionId,
        unionId: inspection.unionId,
        keeperId: end.federationId,
        on: end.on,
      },
    },
  ];
};
