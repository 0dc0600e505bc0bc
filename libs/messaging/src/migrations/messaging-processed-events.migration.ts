import type { MigrationInterface, QueryRunner } from 'typeorm';

import { IndexProcessedEventsByOffset1760000000100 } from './index-processed-events-by-offset.migration';

/**
 * The events each consumer group has processed, written in the same transaction as the effect so
 * that a redelivered message changes nothing (DESIGN §4).
 */
export class MessagingProcessedEvents1760000000000 implements MigrationInterface {
  name = 'MessagingProcessedEvents1760000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE messaging_processed_events (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        processed_at timestamptz NOT NULL,
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE messaging_processed_events');
  }
}

/** Every migration of `@taizhang/messaging`; a service adds them to its DataSource migrations. */
export const messagingMigrations = [
  MessagingProcessedEvents1760000000000,
  IndexProcessedEventsByOffset1760000000100,
];
