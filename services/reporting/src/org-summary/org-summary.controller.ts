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
import { ANSWER_FIGURES, childrenAsOf, figuresAsOf, ownFiguresAsOf } from '../as-of';
import { rightsFiguresAsOf } from '../rights-figures';
import type { Figures } from './figures';
import { figuresAt, FiguresSchema } from './figures';
import type { LateChanges } from './known-at';
import { KnownAtAnswerSchema, KnownAtSchema, lateChangesOf } from './known-at';
import { requireOrgPathInScope } from './org-subtree';

const AsOfQuerySchema = z
  .object({
    asOf: z.iso
      .date('asOf must be a date as YYYY-MM-DD')
      .optional()
      .describe(
        'the figures as they were at the end of this day, rolled up under the parents units had then (default: now)',
      ),
    knownAt: KnownAtSchema.optional(),
  })
  .strict();

class AsOfQueryDto extends createZodDto(AsOfQuerySchema) {}

// FiguresSchema has answersOverdue and the rights figures (RightsFiguresSchema) too.
const OrgUnitSummarySchema = FiguresSchema.extend(KnownAtAnswerSchema.shape);

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
    femaleWorkforce: true,
    migrantWorkforce: true,
    newFormWorkforce: true,
    coveredEmployers: true,
    workforceOfUnionisedEmployers: true,
    answersOverdue: true,
    disputesReceived: true,
    disputesAgreed: true,
    disputesFailed: true,
    disputesOverdue: true,
    amountRecoveredFen: true,
    unionsWithCongressThisYear: true,
    contractsInForce: true,
    workforceCoveredByContracts: true,
    inspections: true,
    womenSpecialInspections: true,
    hazardsFound: true,
    hazardsRectified: true,
    hazardsOverdue: true,
    hotlineTickets: true,
    hotlineLegalAid: true,
    hotlineClosed: true,
    hotlineOverdue: true,
    hotlineWagesRecoveredFen: true,
    unionsWithDisclosure: true,
    earlyWarningsOpen: true,
    earlyWarningsOpenBlue: true,
    earlyWarningsOpenYellow: true,
    earlyWarningsOpenOrange: true,
    earlyWarningsOpenRed: true,
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

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cache: AnswerCache,
  ) {
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
    const [asOf, knownAt] = [query.asOf ?? null, query.knownAt ?? null];

    // In scope first: the cached answer is the unit's, the same for every caller who may see it.
    return this.cache.answer({ route: 'summary', orgUnitId: id, parts: { asOf, knownAt } }, () =>
      this.answer(id, asOf, knownAt),
    );
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
    const knownAt = query.knownAt ?? null;

    return this.cache.answer({ route: 'children', orgUnitId: id, parts: { asOf, knownAt } }, () =>
      this.childrenOf(id, asOf, knownAt),
    );
  }

  private async childrenOf(
    id: string,
    asOf: string | null,
    knownAt: string | null,
  ): Promise<OrgUnitChildrenDto> {
    const { rows } = await this.pool.query<{
      org_unit_id: string;
      name: string | null;
      kind: string;
    }>(NAMES, [await childrenAsOf(this.pool, id, asOf, { everyUnion: knownAt !== null })]);
    const children = await Promise.all(
      rows.map(async (child) => ({
        ...(await this.answer(child.org_unit_id, asOf, knownAt)),
        name: child.name,
        kind: child.kind,
      })),
    );

    const [own, ownAnswers, ownRights] = await Promise.all([
      ownFiguresAsOf(this.pool, id, asOf, knownAt),
      figuresAsOf(this.pool, ANSWER_FIGURES, id, asOf, undefined, 'unit', knownAt),
      rightsFiguresAsOf(this.pool, id, asOf, { knownAt, of: 'unit' }),
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
      femaleWorkforce: own.female_workforce,
      migrantWorkforce: own.migrant_workforce,
      newFormWorkforce: own.new_form_workforce,
      coveredEmployers: own.covered_employers,
      workforceOfUnionisedEmployers: own.unionised_workforce,
      answersOverdue: ownAnswers.answers_overdue,
      disputesReceived: ownRights.disputesReceived,
      disputesAgreed: ownRights.disputesAgreed,
      disputesFailed: ownRights.disputesFailed,
      disputesOverdue: ownRights.disputesOverdue,
      amountRecoveredFen: ownRights.amountRecoveredFen,
      unionsWithCongressThisYear: ownRights.unionsWithCongressThisYear,
      contractsInForce: ownRights.contractsInForce,
      workforceCoveredByContracts: ownRights.workforceCoveredByContracts,
      inspections: ownRights.inspections,
      womenSpecialInspections: ownRights.womenSpecialInspections,
      hazardsFound: ownRights.hazardsFound,
      hazardsRectified: ownRights.hazardsRectified,
      hazardsOverdue: ownRights.hazardsOverdue,
      hotlineTickets: ownRights.hotlineTickets,
      hotlineLegalAid: ownRights.hotlineLegalAid,
      hotlineClosed: ownRights.hotlineClosed,
      hotlineOverdue: ownRights.hotlineOverdue,
      hotlineWagesRecoveredFen: ownRights.hotlineWagesRecoveredFen,
      unionsWithDisclosure: ownRights.unionsWithDisclosure,
      earlyWarningsOpen: ownRights.earlyWarningsOpen,
      earlyWarningsOpenBlue: ownRights.earlyWarningsOpenBlue,
      earlyWarningsOpenYellow: ownRights.earlyWarningsOpenYellow,
      earlyWarningsOpenOrange: ownRights.earlyWarningsOpenOrange,
      earlyWarningsOpenRed: ownRights.earlyWarningsOpenRed,
    };

    return {
      orgUnitId: id,
      // As known at an instant, a union is listed while its figures then count it.
      children: children.filter(
        (child) => knownAt === null || child.kind !== 'union' || child.unions > 0,
      ),
      heldDirectly,
    };
  }

  /** The figures, and as known at an instant what was recorded later changed of them. */
  private async answer(
    id: string,
    asOf: string | null,
    knownAt: string | null,
  ): Promise<Figures & { knownAt?: string; lateChanges?: LateChanges }> {
    if (knownAt === null) return figuresAt(this.pool, id, asOf);
    const [known, now] = await Promise.all([
      figuresAt(this.pool, id, asOf, knownAt),
      figuresAt(this.pool, id, asOf),
    ]);

    return { ...known, knownAt, lateChanges: lateChangesOf(known, now) };
  }
}
