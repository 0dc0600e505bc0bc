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
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';

import { AnswerCache } from '../answer-cache';
import { requireOrgPathInScope } from '../org-summary';
import { MONTH, monthlyPeriods } from '../series';
import { latenessHistograms } from './lateness.query';
import { EXACT_DAYS } from './lateness-figures';
import type { LagBucket } from './lateness-stats';
import { latenessStats } from './lateness-stats';

const month = (name: string) =>
  z.string().regex(MONTH, `${name} must be a month as YYYY-MM`).describe(`${name} month, YYYY-MM`);

const LatenessQuerySchema = z.object({ from: month('the first'), to: month('the last') }).strict();

class LatenessQueryDto extends createZodDto(LatenessQuerySchema) {}

const StatsSchema = z.object({
  records: z.number().int().describe('records entered (joins, transfers, leavings, foundings …)'),
  medianDays: z
    .number()
    .int()
    .nullable()
    .describe('days late of the median record (recorded date minus business date); null: none'),
  p90Days: z.number().int().nullable().describe('days late of the 90th percentile record'),
  lateShare: z
    .number()
    .nullable()
    .describe('share of the records entered more than lateAfterDays late (four decimals)'),
});

const LatenessSchema = z.object({
  orgUnitId: z.string(),
  from: z.string(),
  to: z.string(),
  lateAfterDays: z
    .number()
    .int()
    .describe('the rule: a record entered more than this many days after its date is late'),
  ruleSet: z
    .object({ region: z.string(), version: z.number().int() })
    .describe('the rule set the threshold comes from (@taizhang/rules)'),
  exactUpToDays: z
    .number()
    .int()
    .describe(
      'lags are counted exactly up to this many days; beyond, percentiles are the lower bound of a 7-day (up to a year) or 30-day bucket',
    ),
  months: z
    .array(StatsSchema.extend({ period: z.string().describe('the month entered, YYYY-MM') }))
    .describe('one entry per month from `from` to `to`, by the month records were entered'),
  whole: StatsSchema.describe('the same over every month asked'),
});

class LatenessDto extends createZodDto(LatenessSchema) {}

/**
 * Data quality (DESIGN §6) 录入及时性: how late the records of a unit's subtree were entered, by
 * the month they were entered. Same roles and scope as the figures.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class LatenessController {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cache: AnswerCache,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** Median, 90th percentile and late share per month: 400 beyond 120 months or after this one. */
  @Get(':id/lateness')
  @ApiOkResponse({ type: LatenessDto })
  async lateness(
    @Param('id') id: string,
    @Query() query: LatenessQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LatenessDto> {
    const periods = monthlyPeriods(query.from, query.to, businessDate(new Date()));
    await requireOrgPathInScope(this.pool, user, id);
    const parts = { from: query.from, to: query.to };

    return this.cache.answer({ route: 'lateness', orgUnitId: id, parts }, async () => {
      // Regional amendments do not reach reporting yet: the national rule, recorded with the answer.
      const rules = NATIONAL_RULES_IN_FORCE;
      const lateAfterDays = rules.values.dataQuality.lateEntryDays;
      const histograms = await latenessHistograms(
        this.pool,
        id,
        `${query.from}-01`,
        `${query.to}-01`,
      );
      const all: LagBucket[] = [];
      const months = periods.map(({ period }) => {
        const histogram = histograms.get(period) ?? [];
        all.push(...histogram);

        return { period, ...latenessStats(histogram, lateAfterDays) };
      });

      return {
        orgUnitId: id,
        from: query.from,
        to: query.to,
        lateAfterDays,
        ruleSet: { region: rules.region, version: rules.version },
        exactUpToDays: EXACT_DAYS,
        months,
        whole: latenessStats(all, lateAfterDays),
      };
    });
  }
}
