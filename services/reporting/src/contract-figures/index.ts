import { figureSetMigration, figureSetProjection } from '../as-of';
import { CONTRACT_FIGURES, contractFigureDeltas } from './contract-figures';

export { CONTRACT_FIGURES } from './contract-figures';
export type { ContractFigures } from './contract-figures.query';
export { contractFiguresAsOf, ContractFiguresSchema } from './contract-figures.query';

/** The migration of the contract figure set: its own tables, no other set's altered. */
export const contractFiguresMigrations = [figureSetMigration(CONTRACT_FIGURES, 1768100000001)];

/** The contract figures' projection, run by the consumer of `taizhang.rights.v1`. */
export const projectContractFigures = figureSetProjection(CONTRACT_FIGURES, contractFigureDeltas);
