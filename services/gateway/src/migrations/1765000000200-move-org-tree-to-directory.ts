import type { MigrationInterface, QueryRunner } from 'typeorm';

import { fillOrgTree } from '@taizhang/directory';

import { CREATE_GATEWAY_ORG_UNITS } from './1760100000000-create-gateway-tables';

/**
 * The gateway's org-tree replica moves into the directory's tables (`@taizhang/directory`, after
 * its `CreateOrgTreeInTime`): each unit placed under its current parent since always (the
 * replica kept no history, and the gateway asks only where a unit is now), its name, kind, path
 * and end, then the paths computed from the placements.
 */
export class MoveOrgTreeToDirectory1765000000200 implements MigrationInterface {
  name = 'MoveOrgTreeToDirectory1765000000200';

  async up(runner: QueryRunner): Promise<void> {
    await fillOrgTree(runner, {
      placements: `SELECT org_unit_id, '-infinity'::date, parent_id, kind FROM gateway_org_units`,
      units: 'SELECT org_unit_id, kind, name, org_path, dissolved FROM gateway_org_units',
    });
    await runner.query('DROP TABLE gateway_org_units');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(CREATE_GATEWAY_ORG_UNITS);
    await runner.query(`
      INSERT INTO gateway_org_units (org_unit_id, parent_id, kind, org_path, name, dissolved)
      SELECT unit_id, parent_id, kind, org_path, name, ended FROM org_units_now`);
    await runner.query('TRUNCATE org_units, org_paths, org_placements');
  }
}
