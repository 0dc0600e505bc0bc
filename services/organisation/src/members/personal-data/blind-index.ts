import { createHmac } from 'node:crypto';

/**
 * The blind index of a normalised ID card number: an HMAC-SHA-256 under the service's index key.
 * Equal numbers give equal indexes, so the person's stream can be found without storing the
 * number; without the key, an index says nothing about the number.
 */
export const blindIndex = (indexKey: Buffer, purpose: string, value: string): Buffer =>
  createHmac('sha256', indexKey).update(`${purpose}\u0000${value}`, 'utf8').digest();

/**
 * The member id of a person: the first 122 bits of the blind index of their ID card number laid
 * out as an RFC 9562 version 8 (custom) UUID, so that one person is always one stream.
 */
export const memberIdOf = (indexKey: Buffer, normalisedIdCard: string): string => {
  const bytes = Buffer.from(blindIndex(indexKey, 'member-id', normalisedIdCard).subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
