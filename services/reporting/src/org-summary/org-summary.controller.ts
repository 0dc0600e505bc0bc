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

import {
  ANSWER_FIGURES,
  childrenAsOf,
  employerFiguresAsOf,
  figuresAsOf,
  ownFiguresAsOf,
  subtreeFiguresAsOf,
} from '../as-of';
import { requireOrgPathInScope } from './org-subtree';
import { summaryRates } from './rates';

const AsOfQuerySchema = z
  .object({
    asOf: z.iso
      .date('asOf must be a date as YYYY-MM-DD')
      .optional()
      .describe(
        'the figures as they were at the end of this day, rolled up under the parents units had then (default: now)',
      ),
  })
  .strict();

class AsOfQueryDto extends createZodDto(AsOfQuerySchema) {}

const OrgUnitSummarySchema = z.object({
  orgUnitId: z.string(),
  unions: z.number().int().describe('grassroots unions in the subtree 基层工会数'),
  employers: z
    .number()
    .int()
    .describe('open employers in the registry 单位数 (单位台账): the denominator of 建会率'),
  workforce: z
    .number()
    .int()
    .describe('workers of the open employers 职工数, by their latest headcounts'),
  coveredEmployers: z
    .number()
    .int()
    .describe(
      'open employers covered by an established union 已建会单位数: the numerator of 建会率',
    ),
  workforceOfUnionisedEmployers: z
    .number()
    .int()
    .describe('workers of the covered employers 已建会单位职工数'),
  unionisationRate: z
    .number()
    .nullable()
    .describe('建会率 = coveredEmployers / employers (four decimals; null without employers)'),
  membershipRateOfUnionised: z
    .number()
    .nullable()
    .describe('入会率 (已建会单位) = members / workforceOfUnionisedEmployers; null when that is 0'),
  membershipRateOfAll: z
    .number()
    .nullable()
    .describe(
      '入会率 (全部职工) = members / workforce of every employer in the registry; null when 0',
    ),
  employerRegistry: z
    .object({
      source: z.literal('employer-registry'),
      oldestHeadcountsAsOf: z.iso.date().nullable(),
      newestHeadcountsAsOf: z.iso.date().nullable(),
    })
    .describe('where employers and workforce come from, and the dates of its headcounts'),
  members: z.number().int().describe('members 会员数'),
  femaleMembers: z.number().int().describe('female members 女会员数'),
  migrantMembers: z.number().int().describe('members who are migrant workers 农民工会员数'),
  newFormMembers: z
    .number()
    .int()
    .describe('members in new forms of employment 新就业形态会员数 (couriers, riders, drivers)'),
  retainedMemberships: z
    .number()
    .int()
    .describe('retained memberships 保留会籍人数, held by a union or federation; not in members'),
  termsExpired: z
    .number()
    .int()
    .describe(
      'unions whose committee term ran out without re-election 换届预警 (dissolved ones excluded)',
    ),
  answersOverdue: z
    .number()
    .int()
    .describe(
      'answers the federations of the subtree owe past the regional limit 逾期未批复: founding applications and re-elections still waiting (15 days by default)',
    ),
});

class OrgUnitSummaryDto extends createZodDto(OrgUnitSummarySchema) {}

const OrgUnitChildrenSchema = z.object({
  orgUnitId: z.string(),
  children: z
    .array(
      OrgUnitSummarySchema.extend({
        name: z.string().nullable().describe('the child unit’s name as its last event gave it'),
        kind: z.string().describe('municipal, district, street or union'),
      }),
    )
    .describe(
      'one summary per direct child, for drill-down from city to district to street to union',
    ),
  heldDirectly: OrgUnitSummarySchema.pick({
    unions: true,
    members: true,
    femaleMembers: true,
    migrantMembers: true,
    newFormMembers: true,
    retainedMemberships: true,
    termsExpired: true,
    employers: true,
    workforce: true,
    coveredEmployers: true,
    workforceOfUnionisedEmployers: true,
    answersOverdue: true,
  }).describe(
    'what the unit holds itself, in no child (本级): memberships a federation holds (保留会籍, a dissolved union’s members among them), a street’s employers. Children plus this add up to the unit’s summary on any date',
  ),
});

class OrgUnitChildrenDto extends createZodDto(OrgUnitChildrenSchema) {}

const NAMES = `
  SELECT org_unit_id, name, kind FROM org_unit_facts WHERE org_unit_id = ANY($1::text[])
  ORDER BY kind, name, org_unit_id`;

/**
 * Figures of the caller's subtree only: a unit outside it answers 404 as an unknown one.
 * Aggregates, no personal data.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class OrgSummaryController {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  /** The figures of a unit summed over everything under it: a city sees every district. */
  @Get(':id/summary')
  @ApiOkResponse({ type: OrgUnitSummaryDto })
  async summary(
    @Param('id') id: string,
    @Query() query: AsOfQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrgUnitSummaryDto> {
    await requireOrgPathInScope(this.pool, user, id);

    return this.figures(id, query.asOf ?? null);
  }

  /** The same figures for each direct child of a unit: the next level of the drill-down. */
  @Get(':id/children')
  @ApiOkResponse({ type: OrgUnitChildrenDto })
  async children(
    @Param('id') id: string,
    @Query() query: AsOfQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrgUnitChildrenDto> {
    // The children the unit had on the date lie under it, so in the caller's subtree.
    await requireOrgPathInScope(this.pool, user, id);
    const asOf = query.asOf ?? null;
    const { rows } = await this.pool.query<{
      org_unit_id: string;
      name: string | null;
      kind: string;
    }>(NAMES, [await childrenAsOf(this.pool, id, asOf)]);
    const children = await Promise.all(
      rows.map(async (child) => ({
        ...(await this.figures(child.org_unit_id, asOf)),
        name: child.name,
        kind: child.kind,
      })),
    );

    const [own, ownAnswers] = await Promise.all([
      ownFiguresAsOf(this.pool, id, asOf),
      figuresAsOf(this.pool, ANSWER_FIGURES, id, asOf, undefined, 'unit'),
    ]);
    const heldDirectly = {
      unions: own.unions,
      members: own.members,
      femaleMembers: own.female_members,
      migrantMembers: own.migrant_members,
      newFormMembers: own.new_form_members,
      retainedMemberships: own.retained_memberships,
      termsExpired: own.terms_expired,
      employers: own.employers,
      workforce: own.workforce,
      coveredEmployers: own.covered_employers,
      workforceOfUnionisedEmployers: own.unionised_workforce,
      answersOverdue: ownAnswers.answers_overdue,
    };

    return { orgUnitId: id, children, heldDirectly };
  }

  private async figures(id: string, asOf: string | null): Promise<OrgUnitSummaryDto> {
    const [summary, employers, answers] = await Promise.all([
      subtreeFiguresAsOf(this.pool, id, asOf),
      employerFiguresAsOf(this.pool, id, asOf),
      figuresAsOf(this.pool, ANSWER_FIGURES, id, asOf),
    ]);

    return {
      ...summary,
      ...employers,
      ...summaryRates({ ...summary, ...employers }),
      answersOverdue: answers.answers_overdue,
    };
  }
}
