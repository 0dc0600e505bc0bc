import type { MigrationInterface, QueryRunner } from 'typeorm';

import { REBUILD_ALL_PATHS } from '@taizhang/directory';

/**
 * The gateway's org-tree replica moves into the directory's tables (`@taizhang/directory`, after
 * its `CreateOrgTreeInTime`): each unit placed under its current parent since always (the
 * replica kept no history, and the gateway asks only where a unit is now), its name, kind, path
 * and end, then the paths computed from the placements.
 */
export class MoveOrgTreeToDirectory1765000000200 implements MigrationInterface {
  name = 'MoveOrgTreeToDirectory1765000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      INSERT INTO org_placements (unit_id, valid_from, parent_id, kind)
      SELECT org_unit_id, '-infinity', parent_id, kind FROM gateway_org_units`);
    await runner.query(`
      INSERT INTO org_units (unit_id, kind, name, recorded_path, ended)
      SELECT org_unit_id, kind, name, org_path, dissolved FROM gateway_org_units`);
    await runner.query(REBUILD_ALL_PATHS);
    await runner.query('DROP TABLE gateway_org_units');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE gateway_org_units (
        org_unit_id text PRIMARY KEY,
        parent_id text,
        kind text NOT NULL,
        org_path text NOT NULL,
        name text NOT NULL,
        dissolved boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      INSERT INTO gateway_org_units (org_unit_id, parent_id, kind, org_path, name, dissolved)
      SELECT unit_id, parent_id, kind, org_path, name, ended FROM org_units_now`);
    await runner.query('TRUNCATE org_units, org_paths, org_placements');
  }
}
