import { figureSetMigration, figureSetProjection } from '../as-of';
import { DISCLOSURE_FIGURES, warningFigureDeltas } from './disclosure-figures';
import {
  CreateRightsDisclosures1768200000002,
  projectDisclosureYears,
} from './disclosure-years.projection';

export { DISCLOSURE_FIGURES, warningFigureDeltas } from './disclosure-figures';
export type { DisclosureFigures } from './disclosure-figures.query';
export { disclosureFiguresAsOf, DisclosureFiguresSchema } from './disclosure-figures.query';

/** The migrations of the set: its own tables (with their logs by recording time) and the disclosures. */
export const disclosureFiguresMigrations = [
  figureSetMigration(DISCLOSURE_FIGURES, 1768200000001),
  CreateRightsDisclosures1768200000002,
];

/** What rights' topic consumer also does with each event: the warnings and the disclosure years. */
export const disclosureFiguresProjections = [
  figureSetProjection(DISCLOSURE_FIGURES, warningFigureDeltas),
  projectDisclosureYears,
];
