import { generateKeyPairSync } from 'node:crypto';

import { EventHeaders } from '../kafka/event-message';
import { checkEventSignature, signEventMessage } from './event-signature';
import { EventSigner } from './event-signer';

describe('EventSigner', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const messages = Array.from({ length: 7 }, (_, i) => ({
    key: `union-${i}`,
    value: JSON.stringify({ eventId: `e-${i}`, name: '李建国', note: '会员关系转接' }),
    headers: { [EventHeaders.id]: `e-${i}` },
  }));

  it.each([1, 3])(
    'signs each message on %i thread(s) exactly as signEventMessage does, in order',
    async (threads) => {
      const signer = new EventSigner(privateKey, threads);
      try {
        const signed = await signer.sign(messages);

        expect(signed).toEqual(messages.map((message) => signEventMessage(message, privateKey)));
        for (const message of signed)
          expect(
            checkEventSignature(Buffer.from(message.value as string), message.headers, publicKey),
          ).toBe('valid');
      } finally {
        await signer.close();
      }
    },
  );

  it('signs again after it was closed, on new threads', async () => {
    const signer = new EventSigner(privateKey, 2);
    await signer.sign(messages);
    await signer.close();

    await expect(signer.sign(messages.slice(0, 1))).resolves.toHaveLength(1);
    await signer.close();
  });
});
