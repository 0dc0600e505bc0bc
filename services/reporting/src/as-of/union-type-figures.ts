import type { UnionType } from '@taizhang/contracts';

import { figureSet } from './figure-set';

/** A union whose type was never recorded (registered before types were kept, or not said). */
export const UNRECORDED_TYPE = 'unrecorded';

export type UnionTypeKey = UnionType | typeof UNRECORDED_TYPE;

/** Every key the figures by type answer, in this order (zeros included). */
export const UNION_TYPE_KEYS: readonly UnionTypeKey[] = [
  'enterprise',
  'public_institution',
  'school',
  'joint',
  'building',
  'market',
  'project',
  'other',
  UNRECORDED_TYPE,
];

/**
 * Unions and their members by the union's type on each day (基层工会按类型): the unions' own
 * organisation figures (`unit_deltas` of the union) split by the type steps of
 * `union_type_steps`, so a change of type on a date moves the union and its members from one key
 * to the other on that date.
 */
export const UNION_TYPE_FIGURES = figureSet('union_type', ['unions', 'members'], {
  keys: [{ column: 'union_type', type: 'text' }],
});
