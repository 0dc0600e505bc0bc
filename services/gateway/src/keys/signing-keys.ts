import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { algorithmOf, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '@taizhang/auth';
import { keptKeyPair } from '@taizhang/messaging';

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
  const { privateKey, publicKey, generated } = await keptKeyPair(
    { dir: options.dir, privateFile: PRIVATE_KEY_FILE, publicFile: PUBLIC_KEY_FILE },
    fromPem,
  );

  return { privateKey, publicKey, source: generated ? 'generated' : 'kept' };
};
