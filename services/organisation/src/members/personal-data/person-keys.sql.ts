/** A new person's key, wrapped under the master key; written in the transaction of the join. */
export const INSERT_PERSON_KEY = `
  INSERT INTO person_keys (key_id, member_id, master_key_id, wrapped_key, created_at)
  VALUES ($1, $2, $3, $4, $5)`;

export const READ_PERSON_KEY = `
  SELECT master_key_id, wrapped_key, erased_at FROM person_keys WHERE key_id = $1`;

/** Crypto-shredding: the wrapped key is gone, a tombstone says when and that it was on purpose. */
export const SHRED_PERSON_KEY = `
  UPDATE person_keys SET wrapped_key = NULL, erased_at = $2
  WHERE key_id = $1 AND wrapped_key IS NOT NULL`;
