import { z } from 'zod';

import { defineEvent } from '../event-definition';

export const GenderSchema = z.enum(['female', 'male']);

/** A worker joined a grassroots union as a member (会员入会). */
export const MemberJoinedV1 = defineEvent(
  'MemberJoined',
  1,
  z.object({
    memberId: z.string().min(1),
    unionId: z.string().min(1),
    name: z.string().min(1),
    gender: GenderSchema,
    joinedOn: z.iso.date(),
  }),
);
