export { CreateMemberDirectory1765000000100 } from './members/member-directory.migration';
export { projectMemberDirectory } from './members/member-directory.projection';
export type { MembershipOn } from './members/member-directory.query';
export { isActiveMember, membershipOn } from './members/member-directory.query';
export type {
  MemberDirectoryChange,
  MemberFacts,
  MembershipStatus,
  MembershipStep,
} from './members/member-step';
export { memberDirectoryChangeOf } from './members/member-step';
export type { OrgTreeChange } from './org-tree/org-tree.events';
export { orgTreeChangeOf, SINCE_ALWAYS } from './org-tree/org-tree.events';
export { CreateOrgTreeInTime1765000000000 } from './org-tree/org-tree.migration';
export { applyOrgTreeChange, projectOrgTree } from './org-tree/org-tree.projection';
export type { OrgUnitNow } from './org-tree/org-tree.query';
export {
  childrenOf,
  currentPathsOf,
  listOrgUnits,
  pathOn,
  subtreeOf,
  whereIsUnit,
} from './org-tree/org-tree.query';
export type { Placement, SubtreeMoveHooks, UnitOnRecord } from './org-tree/place-unit';
export {
  LOCK_ORG_TREE,
  LOCK_ORG_TREE_SHARED,
  ORG_TREE_LOCK,
  placeUnit,
  fillOrgTree,
} from './org-tree/place-unit';

/** The migrations of the whole directory (the org tree in time and the member directory). */
export { directoryMigrations } from './directory.migrations';
