import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store of one service: events (append-only, hash-chained per stream), the head of
 * every stream (for optimistic concurrency and to detect a deleted tail), processed commands
 * (idempotency) and the relay's checkpoint (the events table is the outbox, see ADR 0001).
 */
export class CreateEventStore1732000000000 implements MigrationInterface {
  name = 'CreateEventStore1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position        bigserial PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_type     text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL UNIQUE,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        org_unit_id     text        NOT NULL,
        org_path        text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        prev_position   bigint,
        prev_hash       text        NOT NULL,
        hash            text        NOT NULL,
        UNIQUE (stream_id, stream_version)
      )`);
    // Commit-order reads (relay, replays) walk this index below the oldest open transaction.
    await queryRunner.query(
      `CREATE INDEX events_commit_order ON events (transaction_id, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX events_org_path ON events (org_path text_pattern_ops, position)`,
    );
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id     text    PRIMARY KEY,
        stream_type   text    NOT NULL,
        version       integer NOT NULL,
        last_position bigint  NOT NULL,
        last_hash     text    NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE processed_commands (
        command_id   text        PRIMARY KEY,
        request_hash text        NOT NULL,
        stream_id    text        NOT NULL,
        result       jsonb,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE relay_checkpoints (
        relay_name     text        PRIMARY KEY,
        transaction_id xid8        NOT NULL,
        position       bigint      NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE relay_checkpoints, processed_commands, streams, events`);
  }
}
