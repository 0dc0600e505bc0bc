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
export { LATENESS } from './organisation-figures';
export { preparedStatement } from './prepared-statement';
export { figureSetMigration } from './figure-set.migration';
export { figuresByKeyAsOf } from './figures-by-key.query';
export { UNION_TYPE_FIGURES, UNION_TYPE_KEYS } from './union-type-figures';
export type { UnionTypeKey } from './union-type-figures';
