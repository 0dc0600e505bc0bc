import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { businessDate } from '@taizhang/domain';
import { poolOf } from '@taizhang/event-store';

import { requireOrgPathInScope } from '../org-summary';
import { workersHomeCounts } from './workers-home-ratings.query';

const QuerySchema = z
  .object({
    year: z.coerce
      .number()
      .int()
      .min(1950)
      .max(2200)
      .optional()
      .describe('the year the titles are for 年度 (default: every year)'),
    asOf: z.iso
      .date('asOf must be a date as YYYY-MM-DD')
      .optional()
      .describe(
        'the ratings conferred by the end of this day, under the parents units had then (default: today in China)',
      ),
  })
  .strict();
class QueryDto extends createZodDto(QuerySchema) {}

const count = z.number().int();
const WorkersHomesSchema = z.object({
  orgUnitId: z.string(),
  asOf: z.iso.date(),
  years: z
    .array(
      z.object({
        year: count.describe('年度'),
        workersHomes: count.describe('职工之家 (workers_home)'),
        modelWorkersHomes: count.describe('模范职工之家 (model_workers_home)'),
        workersSmallHomes: count.describe('职工小家 at branch level (workers_small_home)'),
      }),
    )
    .describe('newest year first; with ?year= that year alone'),
});
class WorkersHomesDto extends createZodDto(WorkersHomesSchema) {}

/**
 * Workers' Home ratings (职工之家建设) of a unit's subtree, counted by title and year. Scope as the
 * figures: a unit outside the caller's subtree is 404.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class WorkersHomesController {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  @Get(':id/workers-homes')
  @ApiOkResponse({ type: WorkersHomesDto })
  async counts(
    @Param('id') id: string,
    @Query() query: QueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WorkersHomesDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const asOf = query.asOf ?? businessDate(new Date());

    return {
      orgUnitId: id,
      asOf,
      years: await workersHomeCounts(this.pool, id, asOf, query.year ?? null),
    };
  }
}
