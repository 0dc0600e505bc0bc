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

export const CadresViewSchema = z.object({
  unionId: z.string(),
  unionName: z.string(),
  cadres: z.array(
    z.object({
      cadreId: z.uuid(),
      name: z.string(),
      post: z.string(),
      phone: z.string(),
      duties: z.string(),
      appointedOn: z.iso.date(),
    }),
  ),
});

export class CadresViewDto extends createZodDto(CadresViewSchema) {}
