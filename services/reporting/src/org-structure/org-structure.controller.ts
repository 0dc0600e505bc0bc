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

import { AnswerCache } from '../answer-cache';
import {
  BRANCH_FIGURES,
  figuresByKeyAsOf,
  subtreeFiguresAsOf,
  UNION_TYPE_FIGURES,
  UNION_TYPE_KEYS,
} from '../as-of';
import { KnownAtSchema, requireOrgPathInScope } from '../org-summary';

const AsOfQuerySchema = z
  .object({
    asOf: z.iso
      .date('asOf must be a date as YYYY-MM-DD')
      .optional()
      .describe(
        'the figures at the end of this day, under the parents units had then (default: now)',
      ),
    knownAt: KnownAtSchema.optional(),
  })
  .strict();

class AsOfQueryDto extends createZodDto(AsOfQuerySchema) {}

const KNOWN_AT_ANSWER = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('with knownAt only: the instant the figures are as known at, as asked');

const ByUnionTypeSchema = z.object({
  orgUnitId: z.string(),
  asOf: z.iso.date().nullable().describe('the date asked for; null: now'),
  knownAt: KNOWN_AT_ANSWER,
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

const ByBranchSchema = z.object({
  orgUnitId: z.string(),
  asOf: z.iso.date().nullable().describe('the date asked for; null: now'),
  knownAt: KNOWN_AT_ANSWER,
  members: z.number().int().describe('members of the unit’s subtree 会员数, as in the summary'),
  unplaced: z
    .number()
    .int()
    .describe('members placed in no branch union or union group: members less the branches’'),
  branches: z
    .array(
      z.object({
        branchId: z.string(),
        unionId: z.string().describe('the union the branch unit belongs to'),
        kind: z.enum(['branch_union', 'union_group']).describe('分工会 (车间工会) or 工会小组'),
        name: z.string(),
        members: z.number().int().describe('members placed in it on that date'),
      }),
    )
    .describe(
      'the branch units set up by the date (for a union), and any with members in the subtree',
    ),
});

class ByBranchDto extends createZodDto(ByBranchSchema) {}

// The unit's own branch units set up by the date, and those with figures in its subtree (as
// known at an instant too: branch_facts keeps no recording time, so a branch unit recorded later
// is listed, with the members placed in it as known then).
const BRANCHES = `
  SELECT branch_id, union_id, kind, name FROM branch_facts
  WHERE branch_id = ANY($3::text[])
     OR (union_id = $1 AND ($2::date IS NULL OR established_on <= $2::date))
  ORDER BY union_id, established_on, name, branch_id`;

/**
 * How a unit's subtree is organised: unions and members by union type (基层工会按类型).
 * Same roles and scope as the summary; aggregates only.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class OrgStructureController {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cache: AnswerCache,
  ) {
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
    const knownAt = query.knownAt ?? null;
    const of = { route: 'by-union-type', orgUnitId: id, parts: { asOf, knownAt } };

    return this.cache.answer(of, async () => {
      const figures = await figuresByKeyAsOf(this.pool, UNION_TYPE_FIGURES, id, asOf, knownAt);

      return {
        orgUnitId: id,
        asOf,
        ...(knownAt === null ? {} : { knownAt }),
        byType: UNION_TYPE_KEYS.map((unionType) => ({
          unionType,
          unions: figures.get(unionType)?.unions ?? 0,
          members: figures.get(unionType)?.members ?? 0,
        })),
      };
    });
  }

  /** A union's figures per branch union and union group (分工会/工会小组), as of a date. */
  @Get(':id/by-branch')
  @ApiOkResponse({ type: ByBranchDto })
  async byBranch(
    @Param('id') id: string,
    @Query() query: AsOfQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ByBranchDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const asOf = query.asOf ?? null;
    const knownAt = query.knownAt ?? null;
    const of = { route: 'by-branch', orgUnitId: id, parts: { asOf, knownAt } };

    return this.cache.answer(of, async () => {
      const [figures, summary] = await Promise.all([
        figuresByKeyAsOf(this.pool, BRANCH_FIGURES, id, asOf, knownAt),
        subtreeFiguresAsOf(this.pool, id, asOf, knownAt),
      ]);
      const withMembers = [...figures].filter(([, f]) => f.members !== 0).map(([key]) => key);
      const { rows } = await this.pool.query<{
        branch_id: string;
        union_id: string;
        kind: 'branch_union' | 'union_group';
        name: string;
      }>(BRANCHES, [id, asOf, withMembers]);
      const branches = rows.map((row) => ({
        branchId: row.branch_id,
        unionId: row.union_id,
        kind: row.kind,
        name: row.name,
        members: figures.get(row.branch_id)?.members ?? 0,
      }));
      const placed = [...figures.values()].reduce((sum, f) => sum + f.members, 0);

      return {
        orgUnitId: id,
        asOf,
        ...(knownAt === null ? {} : { knownAt }),
        members: summary.members,
        unplaced: summary.members - placed,
        branches,
      };
    });
  }
}
