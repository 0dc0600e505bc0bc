import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { datedChange, isoDate, text } from '@taizhang/domain';

import { normalisePublicPhone } from '../cadres/public-phone';

export const AppointCadreSchema = z
  .object({
    name: text(100).describe('the cadre’s name, shown as written'),
    post: text(50).describe('the post, e.g. 工会主席, 副主席, 女职工委员会主任'),
    phone: text(30)
      .refine(
        (value) => normalisePublicPhone(value) !== null,
        'must be a mobile number or a landline with its area code',
      )
      .describe('the contact phone shown publicly (a mobile, or a landline with its area code)'),
    duties: text(500).describe('the duties shown with the post (亮职责)'),
    appointedOn: isoDate().describe('from when the cadre serves'),
  })
  .strict();

export class AppointCadreDto extends createZodDto(AppointCadreSchema) {}

export const RemoveCadreSchema = datedChange('removedOn', {
  date: 'the last day shown, the day the cadre left the post',
  reason: 'why, e.g. 换届离任, 调离本单位',
});

export class RemoveCadreDto extends createZodDto(RemoveCadreSchema) {}

const publicPhone = text(30)
  .refine(
    (value) => normalisePublicPhone(value) !== null,
    'must be a mobile number or a landline with its area code',
  )
  .describe('the contact phone shown publicly (a mobile, or a landline with its area code)');

export const UpdateCadreDetailsSchema = z
  .object({
    phone: publicPhone.optional(),
    duties: text(500).optional().describe('the duties shown with the post (亮职责)'),
    pledge: text(500).optional().describe('the cadre’s public pledge (亮承诺)'),
    effectiveOn: isoDate().describe('from when the details hold'),
  })
  .strict();

export class UpdateCadreDetailsDto extends createZodDto(UpdateCadreDetailsSchema) {}

export const CadresViewSchema = z.object({
  unionId: z.string(),
  unionName: z.string(),
  cadres: z.array(
    z.object({
      cadreId: z.uuid(),
      name: z.string(),
      post: z.string().describe('as shown, e.g. 工会主席, 女职工委员会主任'),
      postCode: z
        .string()
        .nullable()
        .describe(
          'the elected post (chair, vice_chair, member, organiser, women_committee_chair …); null when appointed',
        ),
      phone: z.string().nullable().describe('null until given'),
      duties: z.string().nullable().describe('null until given'),
      pledge: z.string().nullable().describe('亮承诺; null until given'),
      appointedOn: z.iso
        .date()
        .describe('from when the cadre serves (an elected one: the congress’s day)'),
    }),
  ),
});

export class CadresViewDto extends createZodDto(CadresViewSchema) {}
