import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { memberDirectoryChangeOf } from './member-step';

// A member's events travel on the partitions of their unions, so they may arrive out of order:
// each step is kept by its stream version, and the facts are those of the latest version.
const RECORD_STEP = `
  INSERT INTO directory_member_steps (member_id, version, day, status, unit_id, holder_kind)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (member_id, version) DO NOTHING`;

const RECORD_FACTS = `
  INSERT INTO directory_members (member_id, version, joined_on, gender, migrant_worker,
                                 employment_form)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (member_id) DO UPDATE
  SET version = EXCLUDED.version, joined_on = EXCLUDED.joined_on, gender = EXCLUDED.gender,
      migrant_worker = EXCLUDED.migrant_worker, employment_form = EXCLUDED.employment_form
  WHERE directory_members.version < EXCLUDED.version`;

// An erasure may arrive before the join: it then waits in a row of version 0 for the facts.
const ERASED = `
  INSERT INTO directory_members (member_id, version, personal_data_erased) VALUES ($1, 0, true)
  ON CONFLICT (member_id) DO UPDATE SET personal_data_erased = true`;

/**
 * Keeps the member directory from organisation's member events, inside the consumer's
 * transaction. Redelivery changes nothing.
 */
export const projectMemberDirectory = async (
  tx: PoolClient,
  envelope: EventEnvelope,
): Promise<void> => {
  const change = memberDirectoryChangeOf(envelope);
  if (!change) return;
  const { facts, step, erased } = change;
  if (facts)
    await tx.query(RECORD_FACTS, [
      facts.memberId,
      facts.version,
      facts.joinedOn,
      facts.gender,
      facts.migrantWorker,
      facts.employmentForm,
    ]);
  if (step)
    await tx.query(RECORD_STEP, [
      step.memberId,
      step.version,
      step.day,
      step.status,
      step.unitId,
      step.holderKind,
    ]);
  if (erased) await tx.query(ERASED, [erased.memberId]);
};
