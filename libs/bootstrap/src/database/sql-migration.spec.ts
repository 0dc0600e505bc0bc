import type { QueryRunner } from 'typeorm';

import { sqlMigration } from './sql-migration';

const recordingRunner = () => {
  const statements: string[] = [];
  const runner = {
    query: (sql: string) => {
      statements.push(sql);

      return Promise.resolve([]);
    },
  } as unknown as QueryRunner;

  return { runner, statements };
};

describe('sqlMigration', () => {
  const Migration = sqlMigration('CreateThings1700000000000', {
    up: [
      'CREATE TABLE things (id text PRIMARY KEY)',
      async (runner) => {
        await runner.query('INSERT INTO things VALUES ($1)', ['工会']);
      },
      'CREATE INDEX things_id ON things (id)',
    ],
    down: ['DROP TABLE things'],
  });

  it('carries the name TypeORM records the migration by', () => {
    expect(new Migration().name).toBe('CreateThings1700000000000');
  });

  it('runs the up steps in order, statements and functions alike', async () => {
    const { runner, statements } = recordingRunner();
    await new Migration().up(runner);
    expect(statements).toEqual([
      'CREATE TABLE things (id text PRIMARY KEY)',
      'INSERT INTO things VALUES ($1)',
      'CREATE INDEX things_id ON things (id)',
    ]);
  });

  it('runs only the down steps on revert', async () => {
    const { runner, statements } = recordingRunner();
    await new Migration().down(runner);
    expect(statements).toEqual(['DROP TABLE things']);
  });

  it('gives each migration its own class', () => {
    const Other = sqlMigration('DropThings1700000000100', { up: ['DROP TABLE things'], down: [] });
    expect(Other).not.toBe(Migration);
    expect(new Other().name).toBe('DropThings1700000000100');
  });
});
