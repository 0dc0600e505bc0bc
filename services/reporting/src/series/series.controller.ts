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

import { AnswerCache } from '../answer-cache';
import { figuresAt, FiguresSchema, KnownAtSchema, requireOrgPathInScope } from '../org-summary';
import { MAX_SERIES_POINTS, MONTH, monthlyPeriods } from './months';

const month = (name: string) =>
  z.string().regex(MONTH, `${name} must be a month as YYYY-MM`).describe(`${name} month, YYYY-MM`);

const SeriesQuerySchema = z
  .object({
    from: month('the first'),
    to: month('the last'),
    interval: z
      .literal('month', 'interval must be month')
      .default('month')
      .describe('one point per month (the only interval)'),
    knownAt: KnownAtSchema.optional(),
  })
  .strict();

class SeriesQueryDto extends createZodDto(SeriesQuerySchema) {}

const SeriesSchema = z.object({
  orgUnitId: z.string(),
  interval: z.literal('month'),
  points: z
    .array(
      z.object({
        period: z.string().describe('the month, YYYY-MM'),
        asOf: z.iso
          .date()
          .describe(
            'the day its figures are read at: the last of the month, or today for this month',
          ),
        figures: FiguresSchema.omit({ orgUnitId: true }).describe(
          'the same figures as the summary (without orgUnitId), as of that day',
        ),
      }),
    )
    .describe(`one point per month from \`from\` to \`to\` (at most ${MAX_SERIES_POINTS})`),
});

class SeriesDto extends createZodDto(SeriesSchema) {}

/**
 * Trend lines for the dashboard (DESIGN §6): a unit's figures month by month, each month as of
 * its last day (today for the current one), as known now or at an instant. Same roles and scope
 * as the summary.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class SeriesController {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cache: AnswerCache,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** A unit's figures per month: 400 beyond 120 months or after the current month. */
  @Get(':id/series')
  @ApiOkResponse({ type: SeriesDto })
  async series(
    @Param('id') id: string,
    @Query() query: SeriesQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SeriesDto> {
    const periods = monthlyPeriods(query.from, query.to, businessDate(new Date()));
    await requireOrgPathInScope(this.pool, user, id);
    const knownAt = query.knownAt ?? null;
    const parts = { from: query.from, to: query.to, knownAt };

    // The key has today: this month's point is read as of today.
    return this.cache.answer({ route: 'series', orgUnitId: id, parts }, async () => {
      const points = [];
      // One month after the other: a series shares the pool with every other reader.
      for (const { period, asOf } of periods) {
        const { orgUnitId: _unit, ...figures } = await figuresAt(this.pool, id, asOf, knownAt);
        points.push({ period, asOf, figures });
      }

      return { orgUnitId: id, interval: 'month' as const, points };
    });
  }
}
