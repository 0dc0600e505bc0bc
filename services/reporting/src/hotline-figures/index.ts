import { figureSetMigration, figureSetProjection } from '../as-of';
import { HOTLINE_FIGURES, hotlineFigureDeltas } from './hotline-figures';

export { HOTLINE_FIGURES } from './hotline-figures';
export type { HotlineFigures } from './hotline-figures.query';
export { hotlineFiguresAsOf, HotlineFiguresSchema } from './hotline-figures.query';

/** The hotline set's own tables and their logs by recording time. */
export const hotlineFiguresMigrations = [figureSetMigration(HOTLINE_FIGURES, 1768400000001)];

/** Its projection, run by the consumer of `taizhang.rights.v1` (rights-figures). */
export const projectHotlineFigures = figureSetProjection(HOTLINE_FIGURES, hotlineFigureDeltas);
