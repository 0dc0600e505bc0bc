export type { Figures } from './figures';
export { figuresAt, FiguresSchema } from './figures';
export { KnownAtSchema, knownAtTitle } from './known-at';
export { ofKnownUnit, requireOrgPathInScope } from './org-subtree';
export { rate } from './rates';
