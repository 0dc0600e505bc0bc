import type { Pool } from 'pg';
import { z } from 'zod';

import { ANSWER_FIGURES, employerFiguresAsOf, figuresAsOf, subtreeFiguresAsOf } from '../as-of';
import { rightsFiguresAsOf, RightsFiguresSchema } from '../rights-figures';
import { summaryRates, workforcePartRates } from './rates';

/** The figures of a unit's subtree (DESIGN §6), as every report of reporting answers them. */
export const FiguresSchema = z.object({
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
  femaleWorkforce: z
    .number()
    .int()
    .describe(
      'women among the workers of the open employers 女职工数: the denominator of 女职工入会率',
    ),
  migrantWorkforce: z
    .number()
    .int()
    .describe('migrant workers of the open employers 农民工数: the denominator of 农民工入会率'),
  newFormWorkforce: z
    .number()
    .int()
    .describe(
      'workers in new forms of employment 新就业形态劳动者数 (couriers, riders, drivers) of the open employers: the denominator of 新就业形态劳动者入会率',
    ),
  femaleMembershipRate: z
    .number()
    .nullable()
    .describe(
      '女职工入会率 = femaleMembers / femaleWorkforce (every employer in the registry); null when that is 0',
    ),
  migrantMembershipRate: z
    .number()
    .nullable()
    .describe(
      '农民工入会率 = migrantMembers / migrantWorkforce (every employer in the registry); null when that is 0. Members recorded before the migrant flag was kept are not in migrantMembers',
    ),
  newFormMembershipRate: z
    .number()
    .nullable()
    .describe(
      '新就业形态劳动者入会率 = newFormMembers / newFormWorkforce (every employer in the registry); null when that is 0',
    ),
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
  answersOverdue: z
    .number()
    .int()
    .describe(
      'answers the federations of the subtree owe past the regional limit 逾期未批复: founding applications and re-elections still waiting (15 days by default)',
    ),
  termsExpired: z
    .number()
    .int()
    .describe(
      'unions whose committee term ran out without re-election 换届预警 (dissolved ones excluded)',
    ),
  // 维权: the rights figure set (services/reporting/src/rights-figures).
  ...RightsFiguresSchema.shape,
});

export type Figures = z.infer<typeof FiguresSchema> & { orgUnitId: string };

/** Every figure of a unit's subtree on a date (null: now), as known at an instant (null: now). */
export const figuresAt = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  knownAt: string | null = null,
): Promise<Figures> => {
  const [summary, employers, answers, rights] = await Promise.all([
    subtreeFiguresAsOf(pool, orgUnitId, asOf, knownAt),
    employerFiguresAsOf(pool, orgUnitId, asOf, knownAt),
    figuresAsOf(pool, ANSWER_FIGURES, orgUnitId, asOf, undefined, 'subtree', knownAt),
    rightsFiguresAsOf(pool, orgUnitId, asOf, { knownAt }),
  ]);
  const figures = { ...summary, ...employers, answersOverdue: answers.answers_overdue };

  return { ...figures, ...summaryRates(figures), ...workforcePartRates(figures), ...rights };
};
