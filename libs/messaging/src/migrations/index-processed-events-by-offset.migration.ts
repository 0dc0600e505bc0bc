import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds a partition's records below an offset without reading the table, for their retention. */
export class IndexProcessedEventsByOffset1760000000100 implements MigrationInterface {
  name = 'IndexProcessedEventsByOffset1760000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX messaging_processed_events_by_offset
      ON messaging_processed_events (consumer_group, topic, partition, "offset")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX messaging_processed_events_by_offset');
  }
}
