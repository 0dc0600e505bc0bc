import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { algorithmOf } from '../tokens/access-token.claims';

/** Where a service gets the gateway's public key; resolves once the key exists. */
export type PublicKeySource = () => Promise<KeyObject>;

/** The file names the gateway writes its generated key pair to. */
export const PUBLIC_KEY_FILE = 'auth-public.pem';
export const PRIVATE_KEY_FILE = 'auth-private.pem';

/** The public key cannot be had (yet): requests needing a token answer 503 until it can. */
export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}

type Env = Record<string, string | undefined>;

/** Where generated keys live: `<TAIZHANG_DATA_DIR, else .data>/keys`, from the working directory. */
export const defaultKeysDir = (env: Env = process.env): string =>
  path.resolve(env['TAIZHANG_DATA_DIR'] || '.data', 'keys');

// A PEM in an environment variable often arrives with its newlines written as "\n".
const unescapePem = (pem: string): string => pem.replace(/\\n/g, '\n').trim();

/** Reads a PEM public key (SPKI); a private key is refused, since services must never hold one. */
export const publicKeyFromPem = (pem: string): KeyObject => {
  const text = unescapePem(pem);
  if (text.includes('PRIVATE KEY'))
    throw new Error('This is a private key; give services the public key only.');
  const key = createPublicKey(text);
  algorithmOf(key);

  return key;
};

/**
 * The public key in `file`, read when first needed and then kept. Until the file exists (the
 * gateway writes it on its first start) every call fails with {@link KeyUnavailableError}.
 */
export const publicKeyFromFile = (file: string): PublicKeySource => {
  let key: KeyObject | undefined;

  return async () => {
    if (key) return key;
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch {
      throw new KeyUnavailableError(
        `No public key at ${file} yet: start the gateway first, or set AUTH_PUBLIC_KEY or AUTH_PUBLIC_KEY_FILE.`,
      );
    }
    try {
      key = publicKeyFromPem(pem);
    } catch (error) {
      throw new KeyUnavailableError(
        `The key in ${file} cannot be used: ${error instanceof Error ? error.message : String(error)}`,
      );
    }

    return key;
  };
};

/**
 * The public key a service verifies tokens with: `AUTH_PUBLIC_KEY` (PEM text), else the file
 * `AUTH_PUBLIC_KEY_FILE`, else the one the gateway generated under `.data/keys/`.
 * A malformed `AUTH_PUBLIC_KEY` throws at once, so the service does not start.
 */
export const publicKeyFromEnv = (env: Env = process.env): PublicKeySource => {
  const inline = env['AUTH_PUBLIC_KEY'];
  if (inline) {
    const key = publicKeyFromPem(inline);

    return () => Promise.resolve(key);
  }

  return publicKeyFromFile(
    env['AUTH_PUBLIC_KEY_FILE'] || path.join(defaultKeysDir(env), PUBLIC_KEY_FILE),
  );
};
