export { ofKnownUnit, requireOrgPathInScope } from './org-subtree';
