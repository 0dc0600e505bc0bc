import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import {
  eventKeysDir,
  eventPrivateKeyFile,
  eventPublicKeyFile,
  unescapePem,
} from './event-keys-dir';
import { keptKeyPair } from './kept-key-pair';

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
  const { privateKey, publicKey, generated } = await keptKeyPair(
    {
      dir: eventKeysDir(env),
      privateFile: eventPrivateKeyFile(service),
      publicFile: eventPublicKeyFile(service),
    },
    privateKeyFromPem,
  );

  return { service, privateKey, publicKey, source: generated ? 'generated' : 'kept' };
};
