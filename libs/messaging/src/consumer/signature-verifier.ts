import type { KafkaMessage } from 'kafkajs';

import type { EventPublicKey } from '../signing/event-public-key';
import { checkEventSignature } from '../signing/event-signature';
import type { DeadLetter } from './dead-letter';

/**
 * What a signature check found: `trusted` (verified, or the topic is not one whose signatures are
 * checked), `forged` (dead-letter it) or `keyUnavailable` (the publisher's public key cannot be
 * had yet: the message stays unread, never accepted unverified).
 */
export type SignatureVerdict =
  | { outcome: 'trusted' }
  | { outcome: 'forged'; letter: DeadLetter }
  | { outcome: 'keyUnavailable'; error: unknown };

const TRUSTED: SignatureVerdict = { outcome: 'trusted' };

/** Checks, for the topics configured, that each message is signed by the topic's publisher. */
export class SignatureVerifier {
  constructor(private readonly keys: Readonly<Record<string, EventPublicKey>> = {}) {}

  async check(topic: string, message: KafkaMessage): Promise<SignatureVerdict> {
    const publisher = this.keys[topic];
    if (!publisher) return TRUSTED;
    let key;
    try {
      key = await publisher.key();
    } catch (error) {
      return { outcome: 'keyUnavailable', error };
    }
    const check = checkEventSignature(message.value, message.headers, key);
    if (check === 'valid') return TRUSTED;

    return {
      outcome: 'forged',
      letter: {
        code: 'INVALID_SIGNATURE',
        reason:
          check === 'unsigned'
            ? `The message is not signed (no event-signature header): only ${publisher.service}'s outbox relay publishes on ${topic}.`
            : `The signature does not match ${publisher.service}'s public key: the message was altered or signed with another key.`,
      },
    };
  }
}
