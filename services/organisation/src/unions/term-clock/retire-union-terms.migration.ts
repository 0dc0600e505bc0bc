import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The term clock keeps its deadlines in `deadlines` (`@taizhang/deadlines`), rebuilt from the
 * store: its own table and projection checkpoint go.
 */
export class RetireUnionTerms1766000001100 implements MigrationInterface {
  name = 'RetireUnionTerms1766000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS union_terms');
    await queryRunner.query(`DELETE FROM projection_checkpoints WHERE name = 'union-terms'`);
  }

  // The clock of before is gone: nothing would read the table again.
  async down(): Promise<void> {}
}
