import type { KeyObject } from 'node:crypto';
import { sign, verify } from 'node:crypto';

import type { IHeaders, Message } from 'kafkajs';

import { EventHeaders } from '../kafka/event-message';

// What is signed starts with its kind, so that an event's signature can never be passed off as a
// checkpoint's (the same key signs both) nor the other way round.
export const EVENT_SIGNING_CONTEXT = Buffer.from('taizhang event v1\n');

const signedBytes = (value: Buffer): Buffer => Buffer.concat([EVENT_SIGNING_CONTEXT, value]);

const bytesOf = (value: Message['value']): Buffer =>
  value === null || value === undefined ? Buffer.alloc(0) : Buffer.from(value);

/**
 * The message with an Ed25519 signature of its value (the event as published, its stored hash
 * included) in the `event-signature` header, base64. Consumers check it with the publishing
 * service's public key (ADR 0007).
 */
export const signEventMessage = (message: Message, privateKey: KeyObject): Message => ({
  ...message,
  headers: {
    ...message.headers,
    [EventHeaders.signature]: sign(null, signedBytes(bytesOf(message.value)), privateKey).toString(
      'base64',
    ),
  },
});

export type SignatureCheck = 'valid' | 'unsigned' | 'invalid';

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;

  return first === undefined ? undefined : first.toString();
};

/** Whether a consumed message carries a signature of its value by `publicKey`. */
export const checkEventSignature = (
  value: Buffer | null,
  headers: IHeaders | undefined,
  publicKey: KeyObject,
): SignatureCheck => {
  const signature = headerText(headers, EventHeaders.signature);
  if (!signature) return 'unsigned';

  return verify(null, signedBytes(bytesOf(value)), publicKey, Buffer.from(signature, 'base64'))
    ? 'valid'
    : 'invalid';
};
