import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  eventKeysDir,
  eventPrivateKeyFile,
  eventPublicKeyFile,
  unescapePem,
} from './event-keys-dir';

type Env = Record<string, string | undefined>;

/** The key a service's outbox relay signs its events (and checkpoints) with. */
export interface EventSigningKey {
  service: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where the private key came from, for the start-up log (never the key). */
  source: 'EVENT_SIGNING_KEY' | 'EVENT_SIGNING_KEY_FILE' | 'generated' | 'kept';
}

const privateKeyFromPem = (pem: string, where: string): KeyObject => {
  let key: KeyObject;
  try {
    key = createPrivateKey(unescapePem(pem));
  } catch (error) {
    throw new Error(
      `${where} is not a PEM private key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${where} must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}.`);

  return key;
};

const isMissing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT';
const isTaken = (error: unknown): boolean => (error as { code?: string }).code === 'EEXIST';

// Written whole under a temporary name and renamed, so a reader never sees half a key.
const writeAtomically = async (file: string, text: string, mode: number): Promise<void> => {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, file);
};

// The first instance to start creates the key; `wx` makes a second one, starting at the same
// moment, read that key instead of writing its own.
const keptOrGenerated = async (file: string): Promise<{ key: KeyObject; generated: boolean }> => {
  try {
    return { key: privateKeyFromPem(await readFile(file, 'utf8'), file), generated: false };
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

    return { key: privateKeyFromPem(await readFile(file, 'utf8'), file), generated: false };
  }
};

/**
 * A service's event-signing key: `EVENT_SIGNING_KEY` (PEM), else the file
 * `EVENT_SIGNING_KEY_FILE`, else the Ed25519 pair kept at
 * `<keys dir>/events/<service>-private.pem`, generated on the first start. A kept or generated
 * pair gets its public key written beside it (`<service>-public.pem`), where consumers look.
 */
export const loadEventSigningKey = async (
  service: string,
  env: Env = process.env,
): Promise<EventSigningKey> => {
  const inline = env['EVENT_SIGNING_KEY'];
  if (inline) {
    const privateKey = privateKeyFromPem(inline, 'EVENT_SIGNING_KEY');

    return {
      service,
      privateKey,
      publicKey: createPublicKey(privateKey),
      source: 'EVENT_SIGNING_KEY',
    };
  }
  const file = env['EVENT_SIGNING_KEY_FILE'];
  if (file) {
    const privateKey = privateKeyFromPem(
      await readFile(file, 'utf8'),
      `EVENT_SIGNING_KEY_FILE (${file})`,
    );

    return {
      service,
      privateKey,
      publicKey: createPublicKey(privateKey),
      source: 'EVENT_SIGNING_KEY_FILE',
    };
  }
  const dir = eventKeysDir(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { key: privateKey, generated } = await keptOrGenerated(
    path.join(dir, eventPrivateKeyFile(service)),
  );
  const publicKey = createPublicKey(privateKey);
  const publicFile = path.join(dir, eventPublicKeyFile(service));
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const existing = await readFile(publicFile, 'utf8').catch(() => undefined);
  if (existing !== publicPem) await writeAtomically(publicFile, publicPem, 0o644);

  return { service, privateKey, publicKey, source: generated ? 'generated' : 'kept' };
};
