import { sqlMigration } from '@taizhang/bootstrap';

import type { FigureSet } from './figure-set';
import { knownTable } from './figure-set';

const keyColumns = (set: FigureSet) => set.keys.map((k) => `${k.column} ${k.type} NOT NULL`);
const keyNames = (set: FigureSet) => set.keys.map((k) => k.column);
const figureColumns = (set: FigureSet) => set.figures.map((f) => `${f} integer NOT NULL DEFAULT 0`);
const primaryKey = (first: string, set: FigureSet) =>
  `PRIMARY KEY (${[first, 'day', ...keyNames(set)].join(', ')})`;

/**
 * The log of one of the set's tables by recording time: (unit or ancestor, recorded_at, day,
 * keys…, figures…), keyed with the instant first so that "recorded after T" is one range of the
 * key, the figures in the index (index-only).
 */
const createKnownTable = (set: FigureSet, table: string, first: string) =>
  `CREATE TABLE ${knownTable(table)} (
    ${[
      `${first} text NOT NULL`,
      'recorded_at timestamptz NOT NULL',
      'day date NOT NULL',
      ...keyColumns(set),
      ...figureColumns(set),
      `PRIMARY KEY (${[first, 'recorded_at', 'day', ...keyNames(set)].join(', ')}) INCLUDE (${set.figures.join(', ')})`,
    ].join(',\n    ')}
  )`;

/** The two logs by recording time of a set's tables (`knownTable`), empty. */
export const createKnownTables = (set: FigureSet): string[] => [
  createKnownTable(set, set.unitTable, 'unit_id'),
  createKnownTable(set, set.subtreeTable, 'ancestor_id'),
];

/**
 * The logs of a set created before they existed, filled from its tables as "known since always"
 * (`-infinity`): its figures as known at any instant are then those of the day of the migration
 * until the read model is rebuilt from the topic.
 */
export const addKnownTables = (set: FigureSet): string[] => {
  const columns = (first: string) => [first, 'day', ...keyNames(set), ...set.figures].join(', ');

  return [
    ...createKnownTables(set),
    `INSERT INTO ${knownTable(set.unitTable)} (recorded_at, ${columns('unit_id')})
     SELECT '-infinity', ${columns('unit_id')} FROM ${set.unitTable}`,
    `INSERT INTO ${knownTable(set.subtreeTable)} (recorded_at, ${columns('ancestor_id')})
     SELECT '-infinity', ${columns('ancestor_id')} FROM ${set.subtreeTable}`,
  ];
};

/**
 * The statements that create a figure set's two plain tables: what each unit gains or loses on a
 * day, and the same summed along its ancestors, with every figure in the index so that a unit's
 * range sum reads the index alone. As shipped before the logs by recording time existed: the
 * migrations of that time keep creating just these (their sets get their logs from a later
 * migration, `addKnownTables`).
 */
export const createDeltaTables = (set: FigureSet): string[] => [
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
 * The statements that create a new figure set's tables: the plain ones (`createDeltaTables`) and
 * both again by recording time, for figures as known at an instant.
 */
export const createFigureSetTables = (set: FigureSet): string[] => [
  ...createDeltaTables(set),
  ...createKnownTables(set),
];

/**
 * The migration of a new figure set (`timestamp` as TypeORM's names end): its own tables, so
 * that no other set's table is altered. A service's set is one line in `reporting.migrations.ts`:
 * `figureSetMigration(RIGHTS_FIGURES, 1732000007100)`. `{ logged: false }` only for a migration
 * shipped before the logs existed: it keeps doing what it did, and a later migration adds them.
 */
export const figureSetMigration = (
  set: FigureSet,
  timestamp: number,
  { logged = true }: { logged?: boolean } = {},
) =>
  sqlMigration(`CreateFigureSet_${set.name}_${timestamp}`, {
    up: logged ? createFigureSetTables(set) : createDeltaTables(set),
    down: [
      `DROP TABLE ${[set.subtreeTable, set.unitTable]
        .flatMap((t) => (logged ? [knownTable(t), t] : [t]))
        .join(', ')}`,
    ],
  });

/**
 * The migration that gives a set created before the logs by recording time existed its logs,
 * filled from its tables as known since always (as `AddKnownAt1767600000001` did for
 * organisation's sets); `more` for what else its projection needs to log by recording time.
 */
export const addKnownAtMigration = (
  name: string,
  set: FigureSet,
  more: { up: string[]; down: string[] } = { up: [], down: [] },
) =>
  sqlMigration(name, {
    up: [...addKnownTables(set), ...more.up],
    down: [
      ...more.down,
      `DROP TABLE ${[set.unitTable, set.subtreeTable].map(knownTable).join(', ')}`,
    ],
  });
