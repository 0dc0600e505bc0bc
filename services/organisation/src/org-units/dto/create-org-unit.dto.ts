import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { FederationKindSchema } from '@taizhang/contracts';
import { text } from '@taizhang/domain';

export const CreateOrgUnitSchema = z
  .object({
    code: text(32).describe('the administrative or federation code, e.g. 211103'),
    name: text(200).describe('the full name, e.g. 沈阳市和平区总工会'),
    kind: FederationKindSchema,
    parentId: z.uuid().optional().describe('the unit above (none for a municipal federation)'),
  })
  .strict();

export class CreateOrgUnitDto extends createZodDto(CreateOrgUnitSchema) {}
