import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { importResultSchema, rejectedRowSchema } from '@taizhang/sheets';

const RejectedMemberRowSchema = rejectedRowSchema({
  name: z.string().nullable().describe('姓名 as in the row (the ID card number is never repeated)'),
});

export const MemberImportResultSchema = importResultSchema({
  recorded: 'members who joined by this import',
  already: {
    name: 'alreadyMembers',
    row: { memberId: z.string() },
    description: 'rows of people already members of this union: nothing recorded for them',
  },
  rejected: RejectedMemberRowSchema,
});

export type RejectedMemberRow = z.infer<typeof RejectedMemberRowSchema>;
export type MemberImportResult = z.infer<typeof MemberImportResultSchema>;

export class MemberImportResultDto extends createZodDto(MemberImportResultSchema) {}
