import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import {
  EmploymentFormSchema,
  GenderSchema,
  JoinChannelSchema,
  RetentionReasonSchema,
} from '@taizhang/contracts';
import { text } from '@taizhang/domain';

export const MemberViewQuerySchema = z
  .object({
    reveal: z
      .enum(['true', 'false'])
      .optional()
      .describe('true shows the ID card number, phone and birth date unmasked; it is recorded'),
    reason: text(200).optional().describe('why they are needed unmasked (required with reveal)'),
  })
  .strict();

export class MemberViewQueryDto extends createZodDto(MemberViewQuerySchema) {}

// A unit outside the reader's scope is shown as null (see the README, "Who may do what").
const unitId = z.string().nullable();

const HistoryStepSchema = z.object({
  step: z.enum(['joined', 'transferred', 'retained', 'left']),
  on: z.iso.date(),
  unionId: unitId.describe('null: a union outside your scope (its reason and holder not shown)'),
  fromUnionId: unitId.optional(),
  reason: z.string().optional(),
  heldBy: z.enum(['union', 'federation']).optional(),
  heldByOrgUnitId: unitId.optional(),
});

export const MemberViewSchema = z.object({
  memberId: z.string(),
  status: z.enum(['active', 'retained', 'left']),
  name: z.string(),
  gender: GenderSchema,
  joinedOn: z.iso.date().describe('the date the current membership began; kept by transfers'),
  unionId: unitId.describe('the union the member belongs to, or last belonged to'),
  since: z.iso.date().describe('the date of the last change of the membership'),
  employerId: z.string().nullable(),
  employmentForm: EmploymentFormSchema.nullable(),
  migrantWorker: z.boolean().nullable(),
  channel: JoinChannelSchema.nullable(),
  branchId: z
    .string()
    .nullable()
    .describe(
      'the branch union 分工会 or union group 工会小组 of the union the member is in; null: none',
    ),
  retention: z
    .object({
      reason: RetentionReasonSchema,
      heldBy: z.enum(['union', 'federation']),
      heldByOrgUnitId: unitId,
      since: z.iso.date(),
    })
    .nullable(),
  left: z.object({ on: z.iso.date(), reason: z.string() }).nullable(),
  personalData: z.object({
    revealed: z.boolean().describe('true when shown unmasked (and the reading recorded)'),
    erased: z.boolean().describe('true once the person’s key is destroyed'),
    idCardNumber: z.string().nullable().describe('e.g. 2101**********1234 unless revealed'),
    phone: z.string().nullable().describe('e.g. 138****5678 unless revealed'),
    birthDate: z.string().nullable().describe('e.g. 1985-**-** unless revealed'),
  }),
  history: z.array(HistoryStepSchema),
  version: z.number().int(),
});

export class MemberViewDto extends createZodDto(MemberViewSchema) {}
export type MemberView = z.infer<typeof MemberViewSchema>;
