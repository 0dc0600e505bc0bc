import { sqlMigration } from '@taizhang/bootstrap';

/** Lets a merger find the people recorded in a union without reading every event. */
export const CreateMemberUnitsIndex1732000004000 = sqlMigration(
  'CreateMemberUnitsIndex1732000004000',
  {
    up: [
      `CREATE INDEX events_member_units ON events (org_unit_id, stream_id) WHERE stream_type = 'member'`,
    ],
    down: ['DROP INDEX events_member_units'],
  },
);
