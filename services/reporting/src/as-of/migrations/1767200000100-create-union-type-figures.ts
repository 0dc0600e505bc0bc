import { sqlMigration } from '@taizhang/bootstrap';

import { createDeltaTables } from '../figure-set.migration';
import { UNION_TYPE_FIGURES } from '../union-type-figures';

/**
 * Figures by union type (基层工会按类型): each union's type from a date, and the figure set that
 * splits the unions' own figures by it. Unions founded before this migration get their types
 * when the read model is rebuilt from the topic.
 */
export const CreateUnionTypeFigures1767200000100 = sqlMigration(
  'CreateUnionTypeFigures1767200000100',
  {
    up: [
      `CREATE TABLE union_type_steps (
        union_id   text NOT NULL,
        valid_from date NOT NULL,
        union_type text NOT NULL,
        PRIMARY KEY (union_id, valid_from)
      )`,
      ...createDeltaTables(UNION_TYPE_FIGURES),
    ],
    down: [
      `DROP TABLE ${UNION_TYPE_FIGURES.subtreeTable}, ${UNION_TYPE_FIGURES.unitTable}, union_type_steps`,
    ],
  },
);
