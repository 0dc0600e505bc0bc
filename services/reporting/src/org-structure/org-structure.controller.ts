import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { poolOf } from '@taizhang/event-store';

import { figuresByKeyAsOf, UNION_TYPE_FIGURES, UNION_TYPE_KEYS } from '../as-of';
import { requireOrgPathInScope } from '../org-summary';

const AsOfQuerySchema = z
  .object({
    asOf: z.iso
      .date('asOf must be a date as YYYY-MM-DD')
      .optional()
      .describe(
        'the figures at the end of this day, under the parents units had then (default: now)',
      ),
  })
  .strict();

class AsOfQueryDto extends createZodDto(AsOfQuerySchema) {}

const ByUnionTypeSchema = z.object({
  orgUnitId: z.string(),
  asOf: z.iso.date().nullable().describe('the date asked for; null: now'),
  byType: z
    .array(
      z.object({
        unionType: z
          .enum(UNION_TYPE_KEYS as [string, ...string[]])
          .describe(
            '工会类型 on that date: enterprise 企业, public_institution 事业单位, school 学校, joint 联合基层工会, building 楼宇, market 市场, project 项目工会, other 其他, unrecorded 未登记类型',
          ),
        unions: z.number().int().describe('grassroots unions of this type 基层工会数'),
        members: z.number().int().describe('members of those unions 会员数'),
      }),
    )
    .describe(
      'every type, zeros included; unions and members add up to those of unions in the summary',
    ),
});

class ByUnionTypeDto extends createZodDto(ByUnionTypeSchema) {}

/**
 * How a unit's subtree is organised: unions and members by union type (基层工会按类型).
 * Same roles and scope as the summary; aggregates only.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class OrgStructureController {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  @Get(':id/by-union-type')
  @ApiOkResponse({ type: ByUnionTypeDto })
  async byUnionType(
    @Param('id') id: string,
    @Query() query: AsOfQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ByUnionTypeDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const asOf = query.asOf ?? null;
    const figures = await figuresByKeyAsOf(this.pool, UNION_TYPE_FIGURES, id, asOf);

    return {
      orgUnitId: id,
      asOf,
      byType: UNION_TYPE_KEYS.map((unionType) => ({
        unionType,
        unions: figures.get(unionType)?.unions ?? 0,
        members: figures.get(unionType)?.members ?? 0,
      })),
    };
  }
}
