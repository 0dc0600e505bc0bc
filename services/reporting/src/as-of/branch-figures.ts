import { figureSet } from './figure-set';

/**
 * Members per branch union 分工会 or union group 工会小组, on the union (`unit_id`) keyed by the
 * branch: only placed members count here; the union's members not placed are its members less
 * these.
 */
export const BRANCH_FIGURES = figureSet('branch', ['members'], {
  keys: [{ column: 'branch_id', type: 'text' }],
});
