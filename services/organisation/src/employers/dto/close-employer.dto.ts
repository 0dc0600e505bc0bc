import { createZodDto } from 'nestjs-zod';

import { datedChange } from '@taizhang/domain';

export const CloseEmployerSchema = datedChange('closedOn', {
  date: 'the date it closed (注销/关停)',
  reason: 'why, e.g. 企业注销 or 迁出本区',
});

export class CloseEmployerDto extends createZodDto(CloseEmployerSchema) {}
