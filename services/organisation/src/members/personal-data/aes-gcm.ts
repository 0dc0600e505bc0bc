import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { EncryptedValue } from '@taizhang/contracts';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Random bytes drawn from the system a pool at a time (as Node does for randomUUID): one call
// per 4 KiB instead of one per IV or key, which counts when a sheet seals 300,000 values.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
const random = (size: number): Buffer => {
  if (pool.length < size) pool = randomBytes(POOL_BYTES);
  // A copy: the pool's memory is never handed out twice.
  const taken = Buffer.from(pool.subarray(0, size));
  pool = pool.subarray(size);

  return taken;
};

const seal = (key: Buffer, aad: string, plaintext: Buffer): { iv: Buffer; sealed: Buffer } => {
  const iv = random(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);

  return { iv, sealed };
};

// Throws when the key is wrong or a byte was changed: GCM authenticates what it decrypts.
const open = (key: Buffer, aad: string, iv: Buffer, sealed: Buffer): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));

  return Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
};

// The field name is authenticated with the value, so a phone cannot pass for an ID number.
const fieldAad = (field: string): string => `taizhang.personal-data.${field}`;

/** Encrypts one personal value under a person's key. */
export const encryptValue = (
  key: Buffer,
  keyId: string,
  field: string,
  plaintext: string,
): EncryptedValue => {
  const { iv, sealed } = seal(key, fieldAad(field), Buffer.from(plaintext, 'utf8'));

  return { alg: 'A256GCM', keyId, iv: iv.toString('base64'), ct: sealed.toString('base64') };
};

export const decryptValue = (key: Buffer, field: string, value: EncryptedValue): string =>
  open(
    key,
    fieldAad(field),
    Buffer.from(value.iv, 'base64'),
    Buffer.from(value.ct, 'base64'),
  ).toString('utf8');

/** Wraps a person's key under the master key: IV, then ciphertext and tag; bound to its key id. */
export const wrapKey = (masterKey: Buffer, keyId: string, key: Buffer): Buffer => {
  const { iv, sealed } = seal(masterKey, `taizhang.person-key.${keyId}`, key);

  return Buffer.concat([iv, sealed]);
};

export const unwrapKey = (masterKey: Buffer, keyId: string, wrapped: Buffer): Buffer =>
  open(
    masterKey,
    `taizhang.person-key.${keyId}`,
    wrapped.subarray(0, IV_BYTES),
    wrapped.subarray(IV_BYTES),
  );

export const newDataKey = (): Buffer => random(KEY_BYTES);
