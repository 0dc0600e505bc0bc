import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { datedChange, isoDate, text } from '@taizhang/domain';

import { HoldFoundingCongressSchema } from './hold-founding-congress.dto';

/** A re-election (换届选举) follows the founding congress's rules. */
export class HoldElectionDto extends createZodDto(HoldFoundingCongressSchema) {}

export const ApproveElectionSchema = z
  .object({
    approvedOn: isoDate()
      .optional()
      .describe(
        'the day the higher union approved, for an approval entered after the fact (today by default)',
      ),
  })
  .strict();

export class ApproveElectionDto extends createZodDto(ApproveElectionSchema) {}

export const RejectElectionSchema = datedChange('rejectedOn', {
  date: 'the day the higher union refused the election',
  reason: 'why, e.g. 候选人未经民主推荐',
});

export class RejectElectionDto extends createZodDto(RejectElectionSchema) {}

export const RenameUnionSchema = z
  .object({
    name: text(200).describe('the new full name'),
    effectiveOn: isoDate().describe('from when the new name holds'),
  })
  .strict();

export class RenameUnionDto extends createZodDto(RenameUnionSchema) {}

export const DissolveUnionSchema = datedChange('dissolvedOn', {
  date: 'the date of dissolution',
  reason: 'why the union is dissolved, e.g. 企业注销',
});

export class DissolveUnionDto extends createZodDto(DissolveUnionSchema) {}

export const MergeUnionSchema = datedChange('mergedOn', {
  date: 'the date of the merger (合并)',
  reason: 'why, e.g. 企业合并重组',
}).extend({ intoUnionId: z.uuid().describe('the union that takes the members over') });

export class MergeUnionDto extends createZodDto(MergeUnionSchema) {}
