import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { importResultSchema, rejectedRowSchema } from '@taizhang/sheets';

const RejectedRowSchema = rejectedRowSchema({ creditCode: z.string().nullable() });

export const EmployerImportResultSchema = importResultSchema({
  recorded: 'employers registered by this import',
  already: {
    name: 'alreadyRegistered',
    row: { employerId: z.string() },
    description: 'rows whose credit code was already in the registry: nothing recorded for them',
  },
  rejected: RejectedRowSchema,
});

export type RejectedRow = z.infer<typeof RejectedRowSchema>;
export type EmployerImportResult = z.infer<typeof EmployerImportResultSchema>;

export class EmployerImportResultDto extends createZodDto(EmployerImportResultSchema) {}
