import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ImportReasonSchema } from '../../shared/xlsx/import-reasons';

const RejectedRowSchema = z.object({
  row: z.number().int().describe('the row number as Excel shows it'),
  creditCode: z.string().nullable(),
  reasons: z.array(ImportReasonSchema).min(1),
});

export const EmployerImportResultSchema = z.object({
  rows: z.number().int().describe('data rows read (blank rows are skipped)'),
  recorded: z.number().int().describe('employers registered by this import'),
  alreadyRegistered: z
    .array(z.object({ row: z.number().int(), employerId: z.string() }))
    .describe('rows whose credit code was already in the registry: nothing recorded for them'),
  rejected: z.array(RejectedRowSchema).describe('rows refused, each with every reason found'),
});

export type RejectedRow = z.infer<typeof RejectedRowSchema>;
export type EmployerImportResult = z.infer<typeof EmployerImportResultSchema>;

export class EmployerImportResultDto extends createZodDto(EmployerImportResultSchema) {}
