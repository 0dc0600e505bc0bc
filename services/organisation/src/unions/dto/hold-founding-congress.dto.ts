import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

export const HoldFoundingCongressSchema = z
  .object({
    heldOn: isoDate().describe('the date of the founding members’ congress 会员大会'),
    entitledVoters: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .describe('members entitled to vote 应到人数'),
    present: z.number().int().nonnegative().max(1_000_000).describe('members present 实到人数'),
    committee: z
      .array(
        z
          .object({ name: text(100), post: z.enum(['chair', 'vice_chair', 'member', 'organiser']) })
          .strict(),
      )
      .min(1)
      .max(35)
      .describe(
        'the elected committee (one chair), or one organiser 组织员 in a union under 25 members',
      ),
    offices: z
      .array(
        z
          .object({
            name: text(100),
            office: z.enum([
              'women_committee_chair',
              'women_committee_member',
              'audit_committee_chair',
              'audit_committee_member',
            ]),
          })
          .strict(),
      )
      .max(35)
      .optional()
      .describe(
        'offices filled by the same congress besides the committee: 女职工委员会 and 经费审查委员会 (one chair each)',
      ),
    termYears: z.union([z.literal(3), z.literal(5)]).describe('the committee term in years 任期'),
  })
  .strict();

export class HoldFoundingCongressDto extends createZodDto(HoldFoundingCongressSchema) {}
