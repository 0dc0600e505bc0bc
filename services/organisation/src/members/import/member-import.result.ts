import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ImportReasonSchema } from '../../shared/xlsx/import-reasons';

const RejectedMemberRowSchema = z.object({
  row: z.number().int().describe('the row number as Excel shows it'),
  name: z.string().nullable().describe('姓名 as in the row (the ID card number is never repeated)'),
  reasons: z.array(ImportReasonSchema).min(1),
});

export const MemberImportResultSchema = z.object({
  rows: z.number().int().describe('data rows read (blank rows are skipped)'),
  recorded: z.number().int().describe('members who joined by this import'),
  alreadyMembers: z
    .array(z.object({ row: z.number().int(), memberId: z.string() }))
    .describe('rows of people already members of this union: nothing recorded for them'),
  rejected: z.array(RejectedMemberRowSchema).describe('rows refused, each with its reasons'),
});

export type RejectedMemberRow = z.infer<typeof RejectedMemberRowSchema>;
export type MemberImportResult = z.infer<typeof MemberImportResultSchema>;

export class MemberImportResultDto extends createZodDto(MemberImportResultSchema) {}
