import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** The personal fields of a member kept encrypted under the person's key. */
export const PersonalFieldSchema = z.enum(['idCardNumber', 'phone', 'birthDate']);
export type PersonalField = z.infer<typeof PersonalFieldSchema>;

/**
 * The person's key was destroyed (crypto-shredding): every encrypted value under `keyId`, in
 * every copy, is unreadable from now on, while the history keeps its hashes.
 */
export const MemberPersonalDataErasedV1 = defineEvent(
  'MemberPersonalDataErased',
  1,
  z.object({
    memberId: z.string().min(1),
    keyId: z.uuid(),
    reason: z.string().min(1),
  }),
);

/** Someone read a member's personal data unmasked, for the reason given (the actor is in the envelope). */
export const MemberPersonalDataRevealedV1 = defineEvent(
  'MemberPersonalDataRevealed',
  1,
  z.object({
    memberId: z.string().min(1),
    fields: z.array(PersonalFieldSchema).min(1),
    reason: z.string().min(1),
  }),
);
