export { findOrgPath } from './org-subtree';
