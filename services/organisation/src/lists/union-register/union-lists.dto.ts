import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { pageAnswerFields, pageQueryFields } from '@taizhang/bootstrap';

const kind = z
  .enum(['application', 'election'])
  .optional()
  .describe('application (组建申请) or election (换届选举); default both');

export class PendingQueryDto extends createZodDto(
  z.object({ kind, ...pageQueryFields }).strict(),
) {}
export class PendingSheetQueryDto extends createZodDto(z.object({ kind }).strict()) {}

const PendingApprovalSchema = z.object({
  kind: z.enum(['application', 'election']),
  unionId: z.string().describe('the union, or the union a founding application would found'),
  name: z.string(),
  parentId: z.string().describe('the federation one level up, which must answer'),
  parentName: z.string().nullable(),
  waitingSince: z.iso.date().describe('submitted (application) or congress held (election)'),
  daysWaiting: z.number().int().describe('days waited by today in China 已等待天数'),
});

class PendingApprovalsDto extends createZodDto(
  z.object({
    orgUnitId: z.string(),
    today: z.iso.date(),
    ...pageAnswerFields,
    pending: z
      .array(PendingApprovalSchema)
      .describe('what waits for a federation at or below the unit, longest waiting first'),
  }),
) {}
export { PendingApprovalsDto };

const termFilter = {
  within: z
    .enum(['90', '180'])
    .default('180')
    .describe('terms ending within 90 or 180 days of today (and those that have ended)'),
  state: z
    .enum(['ended', 'ending'])
    .optional()
    .describe('ended (已到期未换届) or ending (即将到期); default both'),
};

export class TermWarningsQueryDto extends createZodDto(
  z.object({ ...termFilter, ...pageQueryFields }).strict(),
) {}
export class TermWarningsSheetQueryDto extends createZodDto(z.object(termFilter).strict()) {}

const TermWarningSchema = z.object({
  unionId: z.string(),
  name: z.string(),
  parentId: z.string(),
  parentName: z.string().nullable(),
  establishedOn: z.iso.date(),
  termEndsOn: z.iso.date().describe('the term’s last day 任期届满日期'),
  daysLeft: z.number().int().describe('days from today to the last day; negative once ended'),
  state: z.enum(['ended', 'ending']),
  electionHeldOn: z.iso
    .date()
    .nullable()
    .describe('a re-election held and waiting for the union above (换届待批)'),
});

export class TermWarningsDto extends createZodDto(
  z.object({
    orgUnitId: z.string(),
    today: z.iso.date(),
    within: z.number().int(),
    ...pageAnswerFields,
    unions: z.array(TermWarningSchema).describe('换届预警, the earliest term end first'),
  }),
) {}
