import { addKnownAtMigration } from '../figure-set.migration';
import { UNION_TYPE_FIGURES } from '../union-type-figures';

/** Figures by union type as known at an instant: the set's logs by recording time. */
export const AddUnionTypesKnown1767800000003 = addKnownAtMigration(
  'AddUnionTypesKnown1767800000003',
  UNION_TYPE_FIGURES,
);
