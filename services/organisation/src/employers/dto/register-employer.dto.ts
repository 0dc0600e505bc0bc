import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { EmployerKindSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

import { MAX_HEADCOUNT } from '../employer-rules';

const count = (what: string) => z.number().int().min(0).max(MAX_HEADCOUNT).describe(what);

/** The four workforce figures, as a union reports them. */
export const HeadcountsSchema = z.object({
  headcount: count('workers 职工人数'),
  femaleHeadcount: count('of them women 女职工人数 (at most headcount)'),
  migrantHeadcount: count('of them migrant workers 农民工人数 (at most headcount)'),
  newFormHeadcount: count(
    'of them new-form workers 新就业形态劳动者人数, e.g. couriers, riders, drivers (at most headcount)',
  ),
});

/** 地址、法定代表人、注册资本: what a founding application says of the employer, each optional. */
export const EmployerDetailsSchema = z.object({
  address: text(300).optional().describe('registered address 地址'),
  legalRepresentative: text(100)
    .optional()
    .describe('legal representative 法定代表人, as on the business licence'),
  registeredCapital: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('registered capital 注册资本 in fen (分), an integer: 5,000,000 yuan is 500000000'),
});

export const RegisterEmployerSchema = z
  .object({
    // The check characters are the decider's: a 422 INVALID_CREDIT_CODE says what is wrong.
    creditCode: z
      .string()
      .min(1)
      .max(40)
      .describe('unified social credit code 统一社会信用代码, 18 characters, capitals'),
    name: text(200).describe('the registered name, e.g. 沈阳机床（集团）有限责任公司'),
    kind: EmployerKindSchema,
    streetId: z.uuid().describe('the street (街道/乡镇) federation the employer sits in'),
    registeredOn: isoDate()
      .optional()
      .describe('the date of the entry, its headcounts as of then (today in China by default)'),
    ...HeadcountsSchema.shape,
    ...EmployerDetailsSchema.shape,
  })
  .strict();

export class RegisterEmployerDto extends createZodDto(RegisterEmployerSchema) {}
