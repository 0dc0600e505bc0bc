import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

export const RenameOrgUnitSchema = z
  .object({
    name: text(200).describe('the new full name, e.g. 沈阳市和平区总工会'),
    effectiveOn: isoDate().describe('from when the new name holds; earlier reports keep the old'),
  })
  .strict();

export class RenameOrgUnitDto extends createZodDto(RenameOrgUnitSchema) {}

export const MoveOrgUnitSchema = z
  .object({
    parentId: z.uuid().describe('the new parent unit'),
    effectiveOn: isoDate().describe(
      'from when the unit sits under the new parent; figures before it stay with the old one',
    ),
  })
  .strict();

export class MoveOrgUnitDto extends createZodDto(MoveOrgUnitSchema) {}
