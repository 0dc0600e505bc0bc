export { ofKnownUnit } from './org-subtree';
