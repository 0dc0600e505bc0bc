import type { PoolClient } from 'pg';

import { addUnitDelta, RECORDED_AT } from './deltas.sql';

const FOUND = `
  INSERT INTO union_life (union_id, established_on) VALUES ($1, $2)
  ON CONFLICT (union_id) DO NOTHING`;

// Each version of a union's life, from the instant of its event (the lists as known at an instant).
const LOG_LIFE = `
  INSERT INTO union_life_known (union_id, recorded_at, established_on, ended_on)
  SELECT union_id, ${RECORDED_AT}, established_on, ended_on FROM union_life WHERE union_id = $1
  ON CONFLICT (union_id, recorded_at) DO UPDATE
  SET established_on = EXCLUDED.established_on, ended_on = EXCLUDED.ended_on`;

// Ended once: dissolved or merged into another union (its members follow by their transfers).
const END = `
  WITH before AS (SELECT union_id, term_expired_since FROM union_life WHERE union_id = $1 AND ended_on IS NULL FOR UPDATE)
  UPDATE union_life l SET ended_on = $2 FROM before WHERE l.union_id = before.union_id
  RETURNING to_char(before.term_expired_since, 'YYYY-MM-DD') AS expired_since`;

// The clock warns the day after the term ended (换届预警).
const EXPIRE = `
  UPDATE union_life SET term_expired_since = $2::date + 1
  WHERE union_id = $1 AND ended_on IS NULL AND term_expired_since IS NULL
  RETURNING to_char(term_expired_since, 'YYYY-MM-DD') AS since`;

const RE_ELECT = `
  WITH before AS (SELECT union_id, term_expired_since FROM union_life WHERE union_id = $1 AND term_expired_since IS NOT NULL FOR UPDATE)
  UPDATE union_life l SET term_expired_since = NULL FROM before WHERE l.union_id = before.union_id
  RETURNING to_char(before.term_expired_since, 'YYYY-MM-DD') AS expired_since`;

const later = (a: string, b: string): string => (a > b ? a : b);

/** A union counts from its founding day until it is dissolved or merged away. */
export const foundUnion = async (tx: PoolClient, unionId: string, on: string): Promise<void> => {
  const found = await tx.query(FOUND, [unionId, on]);
  if (!found.rowCount) return;
  await tx.query(LOG_LIFE, [unionId]);
  await addUnitDelta(tx, unionId, on, { unions: 1 });
};

export const endUnion = async (tx: PoolClient, unionId: string, on: string): Promise<void> => {
  const { rows } = await tx.query<{ expired_since: string | null }>(END, [unionId, on]);
  if (rows.length === 0) return;
  await tx.query(LOG_LIFE, [unionId]);
  await addUnitDelta(tx, unionId, on, { unions: -1 });
  const since = rows[0]!.expired_since;
  if (since !== null) await addUnitDelta(tx, unionId, later(on, since), { terms_expired: -1 });
};

export const expireTerm = async (tx: PoolClient, unionId: string, endedOn: string) => {
  const { rows } = await tx.query<{ since: string }>(EXPIRE, [unionId, endedOn]);
  if (rows[0]) await addUnitDelta(tx, unionId, rows[0].since, { terms_expired: 1 });
};

export const renewTerm = async (tx: PoolClient, unionId: string, on: string): Promise<void> => {
  const { rows } = await tx.query<{ expired_since: string }>(RE_ELECT, [unionId]);
  if (rows[0])
    await addUnitDelta(tx, unionId, later(on, rows[0].expired_since), { terms_expired: -1 });
};
