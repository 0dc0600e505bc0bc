import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A union's end finds its records by the streams with events at the union
 * (`streamsWithEventsAt`), inside the directory consumer's transaction: by this index, not by
 * reading every event of the store.
 */
export class IndexRightsEventsByUnion1768500000000 implements MigrationInterface {
  name = 'IndexRightsEventsByUnion1768500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX rights_events_by_union ON events (org_unit_id, stream_type, stream_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX rights_events_by_union');
  }
}
