import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { UnionTypeSchema } from '@taizhang/contracts';
import { isoDate } from '@taizhang/domain';

/** 工会类型 in a body: optional where old clients did not send it (then "not recorded"). */
export const unionTypeField = () =>
  UnionTypeSchema.describe(
    '工会类型: enterprise 企业, public_institution 事业单位, school 学校 (教代会), joint 联合基层工会, building 楼宇, market 市场, project 项目工会, other 其他',
  );

export const ChangeUnionTypeSchema = z
  .object({
    unionType: unionTypeField(),
    effectiveOn: isoDate().describe('from when the union is of this type'),
  })
  .strict();

export class ChangeUnionTypeDto extends createZodDto(ChangeUnionTypeSchema) {}
