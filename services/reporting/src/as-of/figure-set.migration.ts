import { sqlMigration } from '@taizhang/bootstrap';

import type { FigureSet } from './figure-set';

const keyColumns = (set: FigureSet) => set.keys.map((k) => `${k.column} ${k.type} NOT NULL`);
const figureColumns = (set: FigureSet) => set.figures.map((f) => `${f} integer NOT NULL DEFAULT 0`);
const primaryKey = (first: string, set: FigureSet) =>
  `PRIMARY KEY (${[first, 'day', ...set.keys.map((k) => k.column)].join(', ')})`;

/**
 * The statements that create a figure set's two tables: what each unit gains or loses on a day,
 * and the same summed along its ancestors, with every figure in the index so that a unit's range
 * sum reads the index alone.
 */
export const createFigureSetTables = (set: FigureSet): string[] => [
  `CREATE TABLE ${set.unitTable} (
    ${['unit_id text NOT NULL', 'day date NOT NULL', ...keyColumns(set), ...figureColumns(set), primaryKey('unit_id', set)].join(',\n    ')}
  )`,
  `CREATE TABLE ${set.subtreeTable} (
    ${['ancestor_id text NOT NULL', 'day date NOT NULL', ...keyColumns(set), ...figureColumns(set), primaryKey('ancestor_id', set)].join(',\n    ')}
  )`,
  `CREATE INDEX ${set.subtreeTable}_covering ON ${set.subtreeTable} (ancestor_id, day)
   INCLUDE (${set.figures.join(', ')})`,
];

/**
 * The migration of a new figure set (`timestamp` as TypeORM's names end): its own tables, so
 * that no other set's table is altered. A service's set is one line in `reporting.migrations.ts`:
 * `figureSetMigration(RIGHTS_FIGURES, 1732000007100)`.
 */
export const figureSetMigration = (set: FigureSet, timestamp: number) =>
  sqlMigration(`CreateFigureSet_${set.name}_${timestamp}`, {
    up: createFigureSetTables(set),
    down: [`DROP TABLE ${set.subtreeTable}, ${set.unitTable}`],
  });
