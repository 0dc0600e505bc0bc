import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

import { unionTypeField } from './union-type.dto';

export const RegisterUnionSchema = z
  .object({
    name: text(200).describe('the union’s full name, e.g. 沈阳机床集团有限公司工会委员会'),
    parentId: z.uuid().describe('the street or district federation it belongs to'),
    establishedOn: isoDate().describe('the date the union was founded'),
    employerIds: z
      .array(text(100))
      .max(200)
      .optional()
      .describe(
        'credit codes of the employers it covers (registered, open, under the parent federation, covered by no other union)',
      ),
    currentTerm: z
      .object({
        electedOn: isoDate().describe('the day the serving committee was elected 本届选举日期'),
        termYears: z
          .union([z.literal(3), z.literal(5)])
          .describe('its term in years 任期 (as the rules of that day allow)'),
      })
      .strict()
      .optional()
      .describe(
        'the committee serving now, so that 换届预警 covers the union; without it the union has no term until its next approved election',
      ),
    unionType: unionTypeField()
      .optional()
      .describe(
        '工会类型 (see ChangeUnionTypeDto); left out: not recorded, shown as such in figures',
      ),
  })
  .strict();

export class RegisterUnionDto extends createZodDto(RegisterUnionSchema) {}
