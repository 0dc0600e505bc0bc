export { findOrgUnit } from './org-tree.query';
export type { OrgUnitRow } from './org-tree.query';
