import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { BranchUnitKindSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

export const CreateBranchUnitSchema = z
  .object({
    kind: BranchUnitKindSchema.describe('branch_union 分工会 (车间工会), union_group 工会小组'),
    name: text(200).describe('e.g. 化水车间工会, 化验班工会小组'),
    establishedOn: isoDate().describe('the day it was set up'),
  })
  .strict();

export class CreateBranchUnitDto extends createZodDto(CreateBranchUnitSchema) {}

const BranchUnitSchema = z.object({
  branchId: z.string(),
  kind: BranchUnitKindSchema,
  name: z.string(),
  establishedOn: z.iso.date(),
});

export const BranchUnitsViewSchema = z.object({
  unionId: z.string(),
  branches: z.array(BranchUnitSchema).describe('in the order set up'),
});

export class BranchUnitsViewDto extends createZodDto(BranchUnitsViewSchema) {}
