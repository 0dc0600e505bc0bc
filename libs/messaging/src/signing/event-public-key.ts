import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { envPrefixOf, eventKeysDir, eventPublicKeyFile, unescapePem } from './event-keys-dir';

type Env = Record<string, string | undefined>;

/** The public key of the service that publishes a topic; `key()` resolves once it can be had. */
export interface EventPublicKey {
  /** The publishing service, named in dead-letter reasons. */
  service: string;
  key(): Promise<KeyObject>;
}

/** The key cannot be had (yet): the consumer leaves the message unread and tries again later. */
export class EventKeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventKeyUnavailableError';
  }
}

/** Reads a PEM Ed25519 public key; a private key is refused, since consumers must never hold one. */
export const eventPublicKeyFromPem = (pem: string): KeyObject => {
  const text = unescapePem(pem);
  if (text.includes('PRIVATE KEY'))
    throw new Error('This is a private key; give consumers the public key only.');
  const key = createPublicKey(text);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `An event public key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}.`,
    );

  return key;
};

const fromFile = (service: string, file: string, variable: string): EventPublicKey => {
  let key: KeyObject | undefined;

  return {
    service,
    key: async () => {
      if (key) return key;
      let pem: string;
      try {
        pem = await readFile(file, 'utf8');
      } catch {
        throw new EventKeyUnavailableError(
          `No public key of ${service}'s events at ${file} yet: start ${service} first, or set ${variable} or ${variable}_FILE.`,
        );
      }
      try {
        key = eventPublicKeyFromPem(pem);
      } catch (error) {
        throw new EventKeyUnavailableError(
          `The key in ${file} cannot be used: ${error instanceof Error ? error.message : String(error)}`,
        );
      }

      return key;
    },
  };
};

/**
 * The public key that `service`'s events are verified with: `<SERVICE>_EVENT_PUBLIC_KEY` (PEM),
 * else the file `<SERVICE>_EVENT_PUBLIC_KEY_FILE`, else `<keys dir>/events/<service>-public.pem`,
 * which the service writes on its first start. A malformed inline key throws at once, so the
 * consumer does not start.
 */
export const eventPublicKeyFromEnv = (service: string, env: Env = process.env): EventPublicKey => {
  const variable = `${envPrefixOf(service)}_EVENT_PUBLIC_KEY`;
  const inline = env[variable];
  if (inline) {
    const key = eventPublicKeyFromPem(inline);

    return { service, key: () => Promise.resolve(key) };
  }

  return fromFile(
    service,
    env[`${variable}_FILE`] || path.join(eventKeysDir(env), eventPublicKeyFile(service)),
    variable,
  );
};

/** A fixed key (tests, tools that were handed the key). */
export const eventPublicKeyOf = (service: string, key: KeyObject): EventPublicKey => ({
  service,
  key: () => Promise.resolve(key),
});
