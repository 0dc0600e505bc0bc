import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

import { unionTypeField } from '../../unions';

export const SubmitUnionApplicationSchema = z
  .object({
    proposedName: text(200).describe(
      'the name the union will have, e.g. 沈阳新松机器人自动化股份有限公司工会委员会',
    ),
    parentId: z
      .uuid()
      .describe('the street or district federation applied to (the union one level up)'),
    employerIds: z
      .array(text(100))
      .min(1)
      .max(200)
      .describe(
        'the employers the union covers: one for an enterprise union, several for a joint union 联合基层工会',
      ),
    preparatoryGroup: z
      .array(z.object({ name: text(100), role: text(50) }).strict())
      .min(3, 'must have 3 to 5 members')
      .max(5, 'must have 3 to 5 members')
      .describe('the preparatory group 筹备组, 3 to 5 people'),
    submittedOn: isoDate()
      .optional()
      .describe(
        'the day the group applied, for a founding recorded after the fact (today by default)',
      ),
    unionType: unionTypeField()
      .optional()
      .describe('工会类型 of the union to be founded; left out: not recorded'),
  })
  .strict();

export class SubmitUnionApplicationDto extends createZodDto(SubmitUnionApplicationSchema) {}
