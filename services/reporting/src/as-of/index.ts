export { ANSWER_FIGURES } from './answer-figures';
export {
  childrenAsOf,
  employerFiguresAsOf,
  figuresAsOf,
  ownFiguresAsOf,
  subtreeFiguresAsOf,
} from './figures-as-of.query';
export type { EmployerFigures, OrgUnitSummary } from './figures-as-of.query';
export { projectMemberTimeline, timelineStep } from './member-timeline.projection';
export type { TimelineStep } from './member-timeline.projection';
export { applyUnitDeltas, LOCK_TREE_SHARED, stampRecordedAt } from './deltas.sql';
export { employerStepsOn, unionLives } from './lists-known.sql';
export { LATENESS } from './organisation-figures';
export { preparedStatement } from './prepared-statement';
export { figuresByKeyAsOf } from './figures-by-key.query';
export { UNION_TYPE_FIGURES, UNION_TYPE_KEYS } from './union-type-figures';
export type { UnionTypeKey } from './union-type-figures';
export { BRANCH_FIGURES } from './branch-figures';
// For a service's figure set in a folder of its own (README, "Figure sets and topics").
export { addFigureDeltas } from './deltas.sql';
export type { FigureDelta, FigureSet } from './figure-set';
export { figureSet } from './figure-set';
export { addKnownAtMigration, figureSetMigration } from './figure-set.migration';
export type { EventProjection } from './figure-set.projection';
export { figureSetProjection } from './figure-set.projection';
