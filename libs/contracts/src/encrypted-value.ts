import { z } from 'zod';

/**
 * A personal value (ID card number, phone, birth date…) encrypted with the key of the one person
 * it belongs to: AES-256-GCM, a fresh 96-bit IV per value, `ct` the ciphertext followed by the
 * 16-byte tag. Once that person's key is erased, every copy of the value (store, Kafka, replicas)
 * is unreadable while the events that carry it keep their hashes (crypto-shredding, DESIGN §4).
 */
export const EncryptedValueSchema = z
  .object({
    alg: z.literal('A256GCM'),
    keyId: z.uuid(),
    iv: z.base64().length(16),
    ct: z.base64().min(24),
  })
  .strict();

export type EncryptedValue = z.infer<typeof EncryptedValueSchema>;
