import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The org tree in time (`place-unit.ts`): `org_placements` (a unit's parent from a date),
 * `org_paths` (its path over each interval), `org_units` (kind, name, the path its own events
 * last gave it, ended?) and `org_units_now` (each unit where it is now). Reporting created the
 * first two under these names (its 1732000006100), so they are created only where absent: no
 * data moves there.
 */
export class CreateOrgTreeInTime1765000000000 implements MigrationInterface {
  name = 'CreateOrgTreeInTime1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS org_placements (
        unit_id    text NOT NULL,
        valid_from date NOT NULL,
        parent_id  text,
        kind       text NOT NULL,
        PRIMARY KEY (unit_id, valid_from)
      )`);
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS org_placements_parent ON org_placements (parent_id)',
    );
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS org_paths (
        unit_id    text NOT NULL,
        valid_from date NOT NULL,
        valid_to   date NOT NULL,
        org_path   text NOT NULL,
        PRIMARY KEY (unit_id, valid_from)
      )`);
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS org_paths_subtree ON org_paths (org_path text_pattern_ops)',
    );
    await queryRunner.query(`
      CREATE TABLE org_units (
        unit_id       text PRIMARY KEY,
        kind          text NOT NULL,
        name          text NOT NULL,
        recorded_path text NOT NULL,
        ended         boolean NOT NULL DEFAULT false
      )`);
    // A unit whose parent has not arrived yet (another partition) has no computed path: until
    // then it stands at the path its own event recorded.
    await queryRunner.query(`
      CREATE VIEW org_units_now AS
      SELECT u.unit_id, pl.parent_id, u.kind, u.name,
             coalesce(p.org_path, u.recorded_path) AS org_path, u.ended
      FROM org_units u
      LEFT JOIN LATERAL (
        SELECT parent_id FROM org_placements
        WHERE unit_id = u.unit_id ORDER BY valid_from DESC LIMIT 1
      ) AS pl ON true
      LEFT JOIN org_paths p ON p.unit_id = u.unit_id AND p.valid_to = 'infinity'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW org_units_now');
    await queryRunner.query('DROP TABLE org_units');
  }
}
