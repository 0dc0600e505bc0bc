import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { pageAnswerFields, pageQueryFields } from '@taizhang/bootstrap';
import {
  EmploymentFormSchema,
  GenderSchema,
  JoinChannelSchema,
  RetentionReasonSchema,
} from '@taizhang/contracts';
import { text } from '@taizhang/domain';

const STATUSES = ['active', 'retained', 'left'] as const;

/** The header an ID card number is looked up by: kept out of URLs, and so out of access logs. */
export const ID_CARD_HEADER = 'x-id-card-number';

const RosterFilterSchema = z.object({
  status: z
    .enum(STATUSES)
    .optional()
    .describe('会员状态: active, retained (保留会籍) or left (退会); default active and retained'),
  name: text(50).optional().describe('part of the name, as written (姓名中的连续文字)'),
  branch: z
    .uuid()
    .optional()
    .describe('所属分会/小组: members placed in this branch union or union group of the union'),
});

export const RosterQuerySchema = RosterFilterSchema.extend(pageQueryFields).strict();
export class RosterQueryDto extends createZodDto(RosterQuerySchema) {}
export class RosterSheetQueryDto extends createZodDto(RosterFilterSchema.strict()) {}

export const RetainedQuerySchema = z.object(pageQueryFields).strict();
export class RetainedQueryDto extends createZodDto(RetainedQuerySchema) {}

// A unit outside the reader's scope is shown as null, as in GET /members/:id.
const unitId = z.string().nullable();

const RosterEntrySchema = z.object({
  memberId: z.string(),
  name: z.string().describe('姓名: masked (张*三) unless your unit keeps this member’s records'),
  nameMasked: z.boolean(),
  gender: GenderSchema,
  status: z.enum(STATUSES),
  joinedOn: z.iso.date().describe('入会日期: when the current membership began'),
  since: z.iso.date().describe('the date of the last change of the membership'),
  unionId: unitId.describe('the union the member belongs to, or last belonged to'),
  branchId: z
    .string()
    .nullable()
    .describe('所属分会/小组: the branch union or union group of the union; null: in none'),
  branchName: z.string().nullable().describe('the name of that branch unit'),
  employmentForm: EmploymentFormSchema.nullable(),
  migrantWorker: z.boolean().nullable(),
  channel: JoinChannelSchema.nullable(),
  idCardNumber: z
    .string()
    .nullable()
    .describe('masked (2101**********1234); null if not recorded or erased'),
  phone: z.string().nullable().describe('masked (138****5678)'),
  retention: z
    .object({
      reason: RetentionReasonSchema,
      heldBy: z.enum(['union', 'federation']),
      heldByOrgUnitId: unitId,
      since: z.iso.date(),
    })
    .nullable(),
  leftOn: z.iso.date().nullable(),
  erased: z.boolean().describe('true once the person’s key is destroyed'),
});

const RosterSchema = z.object({
  unionId: z.string(),
  ...pageAnswerFields,
  members: z.array(RosterEntrySchema).describe('会员花名册, in order of joining'),
});
export class RosterDto extends createZodDto(RosterSchema) {}

const RetainedSchema = z.object({
  orgUnitId: z.string(),
  ...pageAnswerFields,
  members: z
    .array(RosterEntrySchema)
    .describe('保留会籍: memberships held by the unit or a unit below it, in order of joining'),
});
export class RetainedDto extends createZodDto(RetainedSchema) {}
