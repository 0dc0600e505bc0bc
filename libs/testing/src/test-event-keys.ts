import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';

import type { Message } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import type { EventPublicKey } from '@taizhang/messaging';
import {
  envPrefixOf,
  eventPublicKeyOf,
  signEventMessage,
  toEventMessage,
} from '@taizhang/messaging';

/** A service's event-signing key pair of one test, standing in for the one it keeps in `.data`. */
export interface TestEventKeys {
  service: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** For a consumer's `signatures`. */
  publicKeySource: EventPublicKey;
  /** The publisher's environment (`EVENT_SIGNING_KEY`). */
  signingEnv: Record<string, string>;
  /** A consumer's environment (`<SERVICE>_EVENT_PUBLIC_KEY`). */
  verifyingEnv: Record<string, string>;
  /** The message the service's outbox relay would publish for the event, signed. */
  message(event: EventEnvelope): Message;
}

/** A fresh Ed25519 event-signing key pair for `service`. */
export const createTestEventKeys = (service = 'organisation'): TestEventKeys => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');

  return {
    service,
    privateKey,
    publicKey,
    publicKeySource: eventPublicKeyOf(service, publicKey),
    signingEnv: {
      EVENT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    verifyingEnv: {
      [`${envPrefixOf(service)}_EVENT_PUBLIC_KEY`]: publicKey
        .export({ type: 'spki', format: 'pem' })
        .toString(),
    },
    message: (event) => signEventMessage(toEventMessage(event), privateKey),
  };
};
