import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';

const UPSERT_FEDERATION_UNIT = `
  INSERT INTO org_unit_facts (org_unit_id, parent_id, kind, org_path, name)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET parent_id = EXCLUDED.parent_id, kind = EXCLUDED.kind, org_path = EXCLUDED.org_path,
      name = EXCLUDED.name`;

const UPSERT_UNION = `
  INSERT INTO org_unit_facts (org_unit_id, parent_id, kind, org_path, name, unions)
  VALUES ($1, $2, 'union', $3, $4, 1)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET parent_id = EXCLUDED.parent_id, org_path = EXCLUDED.org_path, name = EXCLUDED.name, unions = 1`;

// A union's events share its partition, so it is registered before its members join; the
// upsert still keeps a count should a member ever arrive first.
const ADD_MEMBER = `
  INSERT INTO org_unit_facts (org_unit_id, kind, org_path, members, female_members)
  VALUES ($1, 'union', $2, 1, $3)
  ON CONFLICT (org_unit_id) DO UPDATE
  SET members = org_unit_facts.members + 1,
      female_members = org_unit_facts.female_members + EXCLUDED.female_members`;

/**
 * Applies one `organisation` event to the per-unit facts, inside the consumer's transaction
 * (which also records the event as processed, so a redelivery changes nothing).
 */
export const projectOrgUnitFacts = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const { type, data } = event as EventEnvelope & OrganisationEvent;
  switch (type) {
    case 'OrgUnitCreated':
      await tx.query(UPSERT_FEDERATION_UNIT, [
        data.orgUnitId,
        data.parentId,
        data.kind,
        data.orgPath,
        data.name,
      ]);
      break;
    case 'UnionRegistered':
    case 'UnionEstablished':
      await tx.query(UPSERT_UNION, [data.unionId, data.parentId, data.orgPath, data.name]);
      break;
    case 'MemberJoined':
      await tx.query(ADD_MEMBER, [data.unionId, event.orgPath, data.gender === 'female' ? 1 : 0]);
      break;
  }
};
