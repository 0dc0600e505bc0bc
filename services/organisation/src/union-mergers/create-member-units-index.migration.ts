import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets a merger find the people recorded in a union without reading every event. */
export class CreateMemberUnitsIndex1732000004000 implements MigrationInterface {
  name = 'CreateMemberUnitsIndex1732000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX events_member_units ON events (org_unit_id, stream_id) WHERE stream_type = 'member'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX events_member_units');
  }
}
