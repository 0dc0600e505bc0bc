import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { CongressKindSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

const delegates = () => z.number().int().min(0).max(100_000);

export const HoldCongressSchema = z
  .object({
    unionId: z.uuid().describe('the union whose congress met'),
    kind: CongressKindSchema.default('workers').describe(
      '职代会 (workers, the default) or 教代会 (teachers)',
    ),
    heldOn: isoDate().describe('the day of the session'),
    delegatesEntitled: delegates().min(1).describe('delegates entitled to attend 应到代表'),
    delegatesPresent: delegates().describe('delegates present 实到代表 (valid with ≥ 2/3)'),
  })
  .strict();
export class HoldCongressDto extends createZodDto(HoldCongressSchema) {}

export const VoteResolutionSchema = z
  .object({
    title: text(200).describe('the resolution 决议事项'),
    votesFor: delegates().describe('delegates for; it passes with more than half of all delegates'),
  })
  .strict();
export class VoteResolutionDto extends createZodDto(VoteResolutionSchema) {}

export const CongressViewSchema = z.object({
  congressId: z.string(),
  unionId: z.string(),
  kind: CongressKindSchema,
  heldOn: z.string(),
  delegatesEntitled: z.number().int(),
  delegatesPresent: z.number().int(),
  resolutions: z.array(
    z.object({
      resolutionId: z.string(),
      title: z.string(),
      votesFor: z.number().int(),
      passed: z.boolean(),
    }),
  ),
  version: z.number().int(),
});
export class CongressViewDto extends createZodDto(CongressViewSchema) {}
