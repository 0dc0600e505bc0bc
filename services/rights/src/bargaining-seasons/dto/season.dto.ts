import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

export const LaunchSeasonSchema = z
  .object({
    orgUnitId: z.uuid().describe('the federation whose unions the season addresses'),
    name: text(200).describe('the campaign’s name, e.g. 2026年工资集体协商要约行动季'),
    from: isoDate().describe('the first day of the season'),
    to: isoDate().describe('the last day of the season'),
    targetRequests: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .describe('how many requests to negotiate the federation aims for'),
  })
  .strict();
export class LaunchSeasonDto extends createZodDto(LaunchSeasonSchema) {}

export const SeasonViewSchema = z.object({
  seasonId: z.string(),
  orgUnitId: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  targetRequests: z.number().int(),
  requestsMade: z
    .number()
    .int()
    .describe('requests to negotiate by the unions of the subtree dated within the season'),
  version: z.number().int(),
});
export class SeasonViewDto extends createZodDto(SeasonViewSchema) {}
