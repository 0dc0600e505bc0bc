import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Pool } from 'pg';

import type { MasterKey } from '../../config/master-key-ring';
import { MasterKeyRing, parseMasterKeyRing } from '../../config/master-key-ring';
import { KEY_BYTES, unwrapKey, wrapKey } from './aes-gcm';

// Persons' keys still wrapped under another master key than the current one.
const COUNT_STALE = `
  SELECT count(*)::int AS stale FROM person_keys
  WHERE wrapped_key IS NOT NULL AND master_key_id <> $1`;

// One batch in key order after the last one seen, locked until it is re-wrapped and committed.
const NEXT_STALE = `
  SELECT key_id, master_key_id, wrapped_key FROM person_keys
  WHERE wrapped_key IS NOT NULL AND master_key_id <> $1 AND key_id > $2
  ORDER BY key_id LIMIT $3 FOR UPDATE`;

const REWRAP = `
  UPDATE person_keys p SET master_key_id = $1, wrapped_key = u.wrapped_key
  FROM unnest($2::uuid[], $3::bytea[]) AS u (key_id, wrapped_key)
  WHERE p.key_id = u.key_id`;

const USED_MASTER_KEYS = `
  SELECT DISTINCT master_key_id FROM person_keys WHERE wrapped_key IS NOT NULL`;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Writes the ring whole, readable by this user only, replacing the file in one rename. */
const writeMasterKeyRing = (file: string, ring: MasterKeyRing): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, ring.toText(), { mode: 0o600 });
  fs.renameSync(temporary, file);
};

/** A new master key, named by the time it was made. */
const newMasterKey = (now = new Date()): MasterKey => ({
  id: `master-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(2).toString('hex')}`,
  key: randomBytes(KEY_BYTES),
});

export interface RotationProgress {
  /** Persons' keys re-wrapped so far in this run. */
  done: number;
  /** Persons' keys to re-wrap, counted when the run began (more may come while it runs). */
  total: number;
}

export interface RotationResult {
  /** The master key every person's key is now wrapped under. */
  current: string;
  /** True when this run added the current key; false when it went on with an earlier run's. */
  started: boolean;
  rewrapped: number;
  /** Older master keys taken out of the ring because nothing uses them any more. */
  forgotten: string[];
}

/**
 * Re-wraps every person's key under a new master key (`npm run keys -- rotate`). The new key is
 * written to the ring file first, ahead of the older ones, so the service wraps new persons'
 * keys under it and still opens the others; then the keys still under an older master key are
 * re-wrapped in batches, each committed. A run that stopped part-way is taken up by the next
 * one, which finds keys still under an older id and goes on with the current key instead of
 * adding another. An older master key leaves the ring only when no person's key uses it.
 */
export const rotateMasterKey = async ({
  pool,
  ringFile,
  batchSize = 1_000,
  onProgress = () => undefined,
}: {
  pool: Pool;
  ringFile: string;
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}): Promise<RotationResult> => {
  let ring = parseMasterKeyRing(fs.readFileSync(ringFile, 'utf8'));
  const countStale = async () =>
    (await pool.query<{ stale: number }>(COUNT_STALE, [ring.current.id])).rows[0]!.stale;
  let total = await countStale();
  const started = total === 0;
  if (started) {
    ring = new MasterKeyRing([newMasterKey(), ...ring.keys]);
    writeMasterKeyRing(ringFile, ring);
    total = await countStale();
  }
  const current = ring.current;
  let done = 0;
  onProgress({ done, total });
  // Passes in key order until one finds nothing: keys written under an older master key by a
  // service that had not yet read the new ring are taken by the next pass.
  for (let rewrappedInPass = -1; rewrappedInPass !== 0;) {
    rewrappedInPass = 0;
    for (let after = NIL_UUID; ;) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{
          key_id: string;
          master_key_id: string;
          wrapped_key: Buffer;
        }>(NEXT_STALE, [current.id, after, batchSize]);
        if (rows.length === 0) {
          await client.query('COMMIT');
          break;
        }
        const rewrapped = rows.map((row) =>
          wrapKey(
            current.key,
            row.key_id,
            unwrapKey(ring.key(row.master_key_id), row.key_id, row.wrapped_key),
          ),
        );
        await client.query(REWRAP, [current.id, rows.map((row) => row.key_id), rewrapped]);
        await client.query('COMMIT');
        after = rows[rows.length - 1]!.key_id;
        rewrappedInPass += rows.length;
        done += rows.length;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      onProgress({ done, total: Math.max(total, done) });
    }
  }
  const used = new Set(
    (await pool.query<{ master_key_id: string }>(USED_MASTER_KEYS)).rows.map(
      (row) => row.master_key_id,
    ),
  );
  const kept = ring.keys.filter((key, index) => index === 0 || used.has(key.id));
  const forgotten = ring.keys.filter((key) => !kept.includes(key)).map((key) => key.id);
  if (forgotten.length > 0)
    writeMasterKeyRing(ringFile, new MasterKeyRing([current, ...kept.slice(1)]));

  return { current: current.id, started, rewrapped: done, forgotten };
};
