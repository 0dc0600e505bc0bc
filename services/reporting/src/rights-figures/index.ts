import { Topics } from '@taizhang/contracts';

import { addKnownAtMigration, figureSetMigration, figureSetProjection } from '../as-of';
import { projectContractFigures } from '../contract-figures';
import { disclosureFiguresProjections } from '../disclosure-figures';
import { projectHotlineFigures } from '../hotline-figures';
import { protectionFiguresProjection } from '../protection-figures';
import { topicConsumer } from '../topic-consumer';
import {
  CreateRightsCongressYears1767700000002,
  projectCongressYears,
} from './congress-years.projection';
import { RIGHTS_FIGURES, rightsFigureDeltas } from './rights-figures';

export { RIGHTS_FIGURES } from './rights-figures';
export type { RightsFigures } from './rights-figures.query';
export { rightsFiguresAsOf, RightsFiguresSchema } from './rights-figures.query';

/** The migrations of rights' figure set: its own tables, no other set's altered. */
export const rightsFiguresMigrations = [
  // Shipped before its log by recording time: AddRightsKnown1767800000001 adds it.
  figureSetMigration(RIGHTS_FIGURES, 1767700000001, { logged: false }),
  CreateRightsCongressYears1767700000002,
  addKnownAtMigration('AddRightsKnown1767800000001', RIGHTS_FIGURES),
];

/** The consumer of `taizhang.rights.v1`: the set's deltas, the congress years, the contracts. */
export const RightsFiguresConsumer = topicConsumer(
  Topics.rights,
  figureSetProjection(RIGHTS_FIGURES, rightsFigureDeltas),
  projectCongressYears,
  // 集体合同 in force: a set of its own (contract-figures/).
  projectContractFigures,
  protectionFiguresProjection,
  // 12351 热线: its own set (hotline-figures), merged into the rights block.
  projectHotlineFigures,
  // 厂务公开 and 劳动关系预警: a set of their own (src/disclosure-figures).
  ...disclosureFiguresProjections,
);
