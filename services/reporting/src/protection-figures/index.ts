import { figureSetMigration, figureSetProjection } from '../as-of';
import { PROTECTION_FIGURES, protectionFigureDeltas } from './protection-figures';

export { PROTECTION_FIGURES } from './protection-figures';
export type { ProtectionFigures } from './protection-figures.query';
export { protectionFiguresAsOf, ProtectionFiguresSchema } from './protection-figures.query';

/** The set's own tables (with their logs by recording time), no other set's altered. */
export const protectionFiguresMigrations = [figureSetMigration(PROTECTION_FIGURES, 1768300000001)];

/** Rights' topic consumer (RightsFiguresConsumer) runs this for each event, with its own. */
export const protectionFiguresProjection = figureSetProjection(
  PROTECTION_FIGURES,
  protectionFigureDeltas,
);
