import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each union's committee term, kept from the store for the term clock (换届预警). */
export class CreateUnionTerms1732000003000 implements MigrationInterface {
  name = 'CreateUnionTerms1732000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE union_terms (
        union_id     text    PRIMARY KEY,
        term_ends_on date,
        expired      boolean NOT NULL DEFAULT false,
        active       boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(
      'CREATE INDEX union_terms_due ON union_terms (term_ends_on) WHERE active AND NOT expired',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE union_terms');
  }
}
