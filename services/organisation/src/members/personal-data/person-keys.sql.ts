/** New persons' keys, wrapped under the master key; written in the transaction of their joins. */
export const INSERT_PERSON_KEYS = `
  INSERT INTO person_keys (key_id, member_id, master_key_id, wrapped_key, created_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::timestamptz[])`;

export const READ_PERSON_KEY = `
  SELECT master_key_id, wrapped_key, erased_at FROM person_keys WHERE key_id = $1`;

/** Many persons' keys at once (a page or a sheet of a list); erased ones come back without a key. */
export const READ_PERSON_KEYS = `
  SELECT key_id, master_key_id, wrapped_key FROM person_keys WHERE key_id = ANY($1::uuid[])`;

/** Crypto-shredding: the wrapped key is gone, a tombstone says when and that it was on purpose. */
export const SHRED_PERSON_KEY = `
  UPDATE person_keys SET wrapped_key = NULL, erased_at = $2
  WHERE key_id = $1 AND wrapped_key IS NOT NULL`;
