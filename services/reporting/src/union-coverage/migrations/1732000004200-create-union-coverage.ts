import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which employers each established union covers (覆盖单位): the numerator of 建会率. */
export class CreateUnionCoverage1732000004200 implements MigrationInterface {
  name = 'CreateUnionCoverage1732000004200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE union_coverage (
        employer_id text NOT NULL,
        union_id    text NOT NULL,
        PRIMARY KEY (employer_id, union_id)
      )`);
    await queryRunner.query('CREATE INDEX union_coverage_union ON union_coverage (union_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE union_coverage');
  }
}
