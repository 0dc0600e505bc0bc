import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { algorithmOf, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '@taizhang/auth';

/** The gateway's token-signing key pair. */
export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where the private key came from, for the start-up log (never the key). */
  source: 'AUTH_PRIVATE_KEY' | 'AUTH_PRIVATE_KEY_FILE' | 'generated' | 'kept';
}

export interface SigningKeyOptions {
  privateKeyPem: string | undefined;
  privateKeyFile: string | undefined;
  /** Where a generated pair lives (`.data/keys`). */
  dir: string;
}

const fromPem = (pem: string): KeyObject => {
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n').trim());
  algorithmOf(privateKey);

  return privateKey;
};

const isMissing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT';
const isTaken = (error: unknown): boolean => (error as { code?: string }).code === 'EEXIST';

// Written whole under a temporary name and renamed, so a reader never sees half a key.
const writeAtomically = async (file: string, text: string, mode: number): Promise<void> => {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, file);
};

// The first gateway to start creates the key; `wx` makes a second one, starting at the same
// moment, read that key instead of writing its own.
const keptOrGenerated = async (file: string): Promise<{ key: KeyObject; generated: boolean }> => {
  try {
    return { key: fromPem(await readFile(file, 'utf8')), generated: false };
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });

    return { key: privateKey, generated: true };
  } catch (error) {
    if (!isTaken(error)) throw error;

    return { key: fromPem(await readFile(file, 'utf8')), generated: false };
  }
};

/**
 * The signing key: `AUTH_PRIVATE_KEY` (PEM), else the file `AUTH_PRIVATE_KEY_FILE`, else the
 * Ed25519 pair kept under `.data/keys/`, generated on the first start. A kept or generated pair
 * also gets its public key written beside it (`auth-public.pem`), where services look for it.
 */
export const loadSigningKeys = async (options: SigningKeyOptions): Promise<SigningKeys> => {
  if (options.privateKeyPem) {
    const privateKey = fromPem(options.privateKeyPem);

    return { privateKey, publicKey: createPublicKey(privateKey), source: 'AUTH_PRIVATE_KEY' };
  }
  if (options.privateKeyFile) {
    const privateKey = fromPem(await readFile(options.privateKeyFile, 'utf8'));

    return { privateKey, publicKey: createPublicKey(privateKey), source: 'AUTH_PRIVATE_KEY_FILE' };
  }
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const { key: privateKey, generated } = await keptOrGenerated(
    path.join(options.dir, PRIVATE_KEY_FILE),
  );
  const publicKey = createPublicKey(privateKey);
  const publicFile = path.join(options.dir, PUBLIC_KEY_FILE);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const existing = await readFile(publicFile, 'utf8').catch(() => undefined);
  if (existing !== publicPem) await writeAtomically(publicFile, publicPem, 0o644);

  return { privateKey, publicKey, source: generated ? 'generated' : 'kept' };
};
