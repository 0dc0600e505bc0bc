import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { pageAnswerFields, pageQueryFields } from '@taizhang/bootstrap';
import { text } from '@taizhang/domain';

import { KnownAtSchema } from '../org-summary';

const asOf = z.iso
  .date('asOf must be a date as YYYY-MM-DD')
  .optional()
  .describe('the list as it stood at the end of this day (default: today in China)');
const name = text(100).optional().describe('part of the name, as written');
const knownAt = KnownAtSchema.optional().describe(
  'the list as known at this instant: unions and employers as last recorded by then (those recorded later left out); names and the tree as now',
);

const unionFilter = {
  asOf,
  status: z
    .enum(['active', 'dissolved', 'merged'])
    .optional()
    .describe('on the date: active (存续), dissolved (撤销) or merged (合并); default all'),
  name,
  knownAt,
};
export class UnionsQueryDto extends createZodDto(
  z.object({ ...unionFilter, ...pageQueryFields }).strict(),
) {}
export class UnionsSheetQueryDto extends createZodDto(z.object(unionFilter).strict()) {}

const employerFilter = {
  asOf,
  status: z
    .enum(['open', 'closed'])
    .optional()
    .describe('on the date: open (存续) or closed (注销/关闭); default both'),
  covered: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: covered by a union on the date (已建会); false: not (未建会)'),
  name,
  knownAt,
};
export class EmployersQueryDto extends createZodDto(
  z.object({ ...employerFilter, ...pageQueryFields }).strict(),
) {}
export class EmployersSheetQueryDto extends createZodDto(z.object(employerFilter).strict()) {}

const UnionSchema = z.object({
  unionId: z.string(),
  name: z.string().nullable().describe('工会名称 (its current name)'),
  parentId: z.string().nullable().describe('the federation it stands under now'),
  establishedOn: z.iso.date().describe('成立日期'),
  status: z.enum(['active', 'dissolved', 'merged']).describe('on the date'),
  endedOn: z.iso.date().nullable().describe('dissolved or merged on, if by the date'),
});

export class UnionsOfUnitDto extends createZodDto(
  z.object({
    orgUnitId: z.string(),
    asOf: z.iso.date(),
    knownAt: z.iso.datetime({ offset: true }).optional().describe('with knownAt only, as asked'),
    ...pageAnswerFields,
    unions: z.array(UnionSchema).describe('grassroots unions of the subtree, the oldest first'),
  }),
) {}

const EmployerSchema = z.object({
  employerId: z.string(),
  name: z.string().nullable().describe('单位名称'),
  creditCode: z.string().nullable().describe('统一社会信用代码'),
  kind: z.string().describe('enterprise, public_institution, social_organisation or other'),
  headcount: z.number().int().describe('职工人数, as last recorded on or before the date'),
  registeredOn: z.iso.date(),
  status: z.enum(['open', 'closed']),
  closedOn: z.iso.date().nullable(),
  covered: z.boolean().describe('covered by a union existing on the date (已建会)'),
});

export class EmployersOfUnitDto extends createZodDto(
  z.object({
    orgUnitId: z.string(),
    asOf: z.iso.date(),
    knownAt: z.iso.datetime({ offset: true }).optional().describe('with knownAt only, as asked'),
    ...pageAnswerFields,
    employers: z
      .array(EmployerSchema)
      .describe('employers of the registry under the subtree, biggest headcount first'),
  }),
) {}
