import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

import { HoldFoundingCongressSchema } from './hold-founding-congress.dto';

/** A re-election (换届选举) follows the founding congress's rules. */
export class HoldElectionDto extends createZodDto(HoldFoundingCongressSchema) {}

export const RenameUnionSchema = z
  .object({
    name: text(200).describe('the new full name'),
    effectiveOn: isoDate().describe('from when the new name holds'),
  })
  .strict();

export class RenameUnionDto extends createZodDto(RenameUnionSchema) {}

export const DissolveUnionSchema = z
  .object({
    reason: text(500).describe('why the union is dissolved, e.g. 企业注销'),
    dissolvedOn: isoDate().describe('the date of dissolution'),
  })
  .strict();

export class DissolveUnionDto extends createZodDto(DissolveUnionSchema) {}

export const MergeUnionSchema = z
  .object({
    intoUnionId: z.uuid().describe('the union that takes the members over'),
    mergedOn: isoDate().describe('the date of the merger (合并)'),
    reason: text(500).describe('why, e.g. 企业合并重组'),
  })
  .strict();

export class MergeUnionDto extends createZodDto(MergeUnionSchema) {}
