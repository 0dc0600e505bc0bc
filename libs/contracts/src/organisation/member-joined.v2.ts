import { z } from 'zod';

import { EncryptedValueSchema } from '../encrypted-value';
import type { Upcaster } from '../event-definition';
import { defineEvent } from '../event-definition';
import type { MemberJoinedV1 } from './member-joined.v1';
import { GenderSchema } from './member-joined.v1';

/** 用工形式: regular employee, dispatched worker (劳务派遣), new-form worker (新就业形态). */
export const EmploymentFormSchema = z.enum(['regular', 'dispatched', 'new_form']);
export type EmploymentForm = z.infer<typeof EmploymentFormSchema>;

/** 入会方式: on one's own (个人申请), collective registration (集体登记), at source (源头入会, migrants). */
export const JoinChannelSchema = z.enum(['individual', 'collective', 'at_source']);
export type JoinChannel = z.infer<typeof JoinChannelSchema>;

/**
 * A worker joined a grassroots union as a member (会员入会), with the personal data encrypted
 * under the person's own key. `null` means "not recorded": members recorded under v1 have no ID
 * card number, phone, birth date, employer, employment form, migrant flag or channel.
 */
export const MemberJoinedV2 = defineEvent(
  'MemberJoined',
  2,
  z.object({
    memberId: z.string().min(1),
    unionId: z.string().min(1),
    name: z.string().min(1),
    gender: GenderSchema,
    joinedOn: z.iso.date(),
    idCardNumber: EncryptedValueSchema.nullable(),
    phone: EncryptedValueSchema.nullable(),
    birthDate: EncryptedValueSchema.nullable(),
    employerId: z.string().min(1).nullable(),
    employmentForm: EmploymentFormSchema.nullable(),
    migrantWorker: z.boolean().nullable(),
    channel: JoinChannelSchema.nullable(),
    /** The branch union or union group (分工会/工会小组) the member was placed in at the join. */
    branchId: z.string().min(1).optional(),
    /**
     * true: the member joined a street, community or village federation (`unionId` is that org
     * unit), which holds the membership until a union is founded at their workplace (seed 003).
     */
    heldByFederation: z.literal(true).optional(),
  }),
);

/** v1 knew none of the new fields: each is "not recorded", never a guess such as `false`. */
export const memberJoinedV1ToV2: Upcaster = {
  type: 'MemberJoined',
  fromVersion: 1,
  upcast: (data) => ({
    ...(data as z.infer<typeof MemberJoinedV1.schema>),
    idCardNumber: null,
    phone: null,
    birthDate: null,
    employerId: null,
    employmentForm: null,
    migrantWorker: null,
    channel: null,
  }),
};
