import { generateKeyPairSync } from 'node:crypto';

import { checkEventSignature, signEventMessage } from './event-signature';

describe('event signatures', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const message = {
    key: 'u1',
    value: '{"eventId":"e1","hash":"ab"}',
    headers: { 'event-id': 'e1' },
  };

  it('signs the value into the event-signature header and keeps the rest', () => {
    const signed = signEventMessage(message, privateKey);

    expect(signed).toMatchObject(message);
    expect(checkEventSignature(Buffer.from(message.value), signed.headers, publicKey)).toBe(
      'valid',
    );
  });

  it('tells an unsigned message from an altered one and one signed with another key', () => {
    const signed = signEventMessage(message, privateKey);
    const other = signEventMessage(message, generateKeyPairSync('ed25519').privateKey);

    expect(checkEventSignature(Buffer.from(message.value), message.headers, publicKey)).toBe(
      'unsigned',
    );
    expect(
      checkEventSignature(
        Buffer.from(message.value.replace('ab', 'cd')),
        signed.headers,
        publicKey,
      ),
    ).toBe('invalid');
    expect(checkEventSignature(Buffer.from(message.value), other.headers, publicKey)).toBe(
      'invalid',
    );
  });
});
