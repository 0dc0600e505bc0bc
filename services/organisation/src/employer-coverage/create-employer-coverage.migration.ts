import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which union covers, or has applied to cover, each employer (one grassroots union at a time),
 * kept in the transaction of the union's events; rebuilt here from those already stored (no
 * merger existed before this table, and before it nothing stopped two claims: the first stays).
 */
export class CreateEmployerCoverage1732000004100 implements MigrationInterface {
  name = 'CreateEmployerCoverage1732000004100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE employer_coverage (
        employer_id text        PRIMARY KEY,
        union_id    text        NOT NULL,
        claimed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX employer_coverage_union ON employer_coverage (union_id)');
    await queryRunner.query(`
      INSERT INTO employer_coverage (employer_id, union_id)
      SELECT employer.id, applied.data->>'unionId'
      FROM events applied
      CROSS JOIN LATERAL jsonb_array_elements_text(applied.data->'employerIds') AS employer(id)
      WHERE applied.type = 'UnionApplicationSubmitted'
        AND NOT EXISTS (
          SELECT 1 FROM events ended
          WHERE ended.stream_id = applied.stream_id
            AND ended.type IN ('UnionApplicationRejected', 'UnionDissolved'))
      ORDER BY applied.position
      ON CONFLICT (employer_id) DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE employer_coverage');
  }
}
