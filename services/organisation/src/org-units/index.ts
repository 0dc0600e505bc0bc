export { MoveOrgUnitDto } from './dto/change-org-unit.dto';
export { atCurrentPath, batchedOrgTreeOf, orgTreeOf } from './org-tree';
export type { OrgTreeReader } from './org-tree';
export { moveOrgUnit } from './org-unit-changes';
export { loadParentInScope } from './org-unit-scope';
export { loadOrgUnit, loadParentRef } from './org-unit-streams';
export type { MoveData, ParentRef } from './org-unit.commands';
export { orgUnitDecider } from './org-unit.decider';
