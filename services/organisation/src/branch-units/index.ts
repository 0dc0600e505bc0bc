export type { BranchUnit } from './branch-units.decider';
export { readBranchUnits } from './branch-units-streams';
