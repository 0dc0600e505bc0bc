import type { EventEnvelope, RightsEvent } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { figureSet } from '../as-of';

/**
 * Rights' figures of affairs disclosure 厂务公开 and labour-relations early warnings 劳动关系预警,
 * from `taizhang.rights.v1`, in a set of their own (no other set's table altered): the unions
 * with a disclosure in the year (`disclosure-years.projection.ts`), and the warnings open on a
 * date, in all and by level (blue, yellow, orange, red).
 */
export const DISCLOSURE_FIGURES = figureSet('rights_disclosure', [
  'unions_with_disclosure',
  'early_warnings_open',
  'early_warnings_blue',
  'early_warnings_yellow',
  'early_warnings_orange',
  'early_warnings_red',
]);
export type DisclosureFigure = (typeof DISCLOSURE_FIGURES.figures)[number];

type Level = 'blue' | 'yellow' | 'orange' | 'red';
const LEVEL_FIGURE: Record<Level, DisclosureFigure> = {
  blue: 'early_warnings_blue',
  yellow: 'early_warnings_yellow',
  orange: 'early_warnings_orange',
  red: 'early_warnings_red',
};

/**
 * What a warning event changes, on its business date, for the unit that carries it (pure): open
 * from the day raised until the day resolved, at its level of each day; its union's end moves it
 * to the surviving union or the federation above (a common ancestor's totals stay).
 */
export const warningFigureDeltas = (event: EventEnvelope): FigureDelta<DisclosureFigure>[] => {
  const unitId = event.orgUnitId;
  // The transport has validated the event against rights' registry.
  const typed = { type: event.type, data: event.data } as RightsEvent;
  switch (typed.type) {
    case 'EarlyWarningRaised':
      return [
        {
          unitId,
          day: typed.data.raisedOn,
          figures: { early_warnings_open: 1, [LEVEL_FIGURE[typed.data.level]]: 1 },
        },
      ];
    case 'EarlyWarningLevelChanged':
      return [
        {
          unitId,
          day: typed.data.changedOn,
          figures: { [LEVEL_FIGURE[typed.data.from]]: -1, [LEVEL_FIGURE[typed.data.to]]: 1 },
        },
      ];
    case 'EarlyWarningResolved':
      return [
        {
          unitId,
          day: typed.data.resolvedOn,
          figures: { early_warnings_open: -1, [LEVEL_FIGURE[typed.data.level]]: -1 },
        },
      ];
    case 'EarlyWarningHandedOver':
    case 'EarlyWarningKeptByFederation': {
      const { on, level } = typed.data;
      const [from, to] =
        typed.type === 'EarlyWarningHandedOver'
          ? [typed.data.fromUnitId, typed.data.toUnitId]
          : [typed.data.unitId, typed.data.keeperId];
      const open = (sign: 1 | -1) => ({ early_warnings_open: sign, [LEVEL_FIGURE[level]]: sign });

      return [
        { unitId: from, day: on, figures: open(-1) },
        { unitId: to, day: on, figures: open(1) },
      ];
    }
    default:
      return [];
  }
};
