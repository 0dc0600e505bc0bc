import type { Summary } from '../api/reports';
import type { Lang } from '../i18n/messages';
import type { PanelFigure, RightsFigureKey } from './rights-figures';
import { RIGHTS_FIGURES } from './rights-figures';

type Text = Record<Lang, string>;

export type FigureKey = Exclude<
  keyof Summary,
  'orgUnitId' | 'employerRegistry' | 'knownAt' | 'lateChanges'
>;

/** A figure reporting gives (DESIGN §6): its label, what it counts, and for a rate its parts. */
export interface Figure {
  key: FigureKey;
  kind: PanelFigure['kind'];
  label: Text;
  definition: Text;
  /** A rate's numerator and denominator, shown with it. */
  parts?: { numerator: FigureKey; denominator: FigureKey };
  /** Counts that come from the employer registry (单位台账), not from the unions' records. */
  fromRegistry?: boolean;
}

/** Panel figures keyed as the summary keys them. */
const keyed = <K extends FigureKey>(figures: Record<K, PanelFigure>): Record<K, Figure> =>
  Object.fromEntries(
    Object.entries<PanelFigure>(figures).map(([key, figure]) => [key, { ...figure, key }]),
  ) as Record<K, Figure>;

export const FIGURES: Record<FigureKey, Figure> = {
  ...keyed<RightsFigureKey>(RIGHTS_FIGURES),
  unions: {
    key: 'unions',
    kind: 'count',
    label: { 'zh-CN': '基层工会数', en: 'Grassroots unions' },
    definition: {
      'zh-CN': '已成立、尚未撤销或合并的基层工会。',
      en: 'Grassroots unions founded and not yet dissolved or merged.',
    },
  },
  employers: {
    key: 'employers',
    kind: 'count',
    fromRegistry: true,
    label: { 'zh-CN': '单位数', en: 'Employers' },
    definition: {
      'zh-CN': '单位台账中已登记、未注销的单位，即建会率的分母。',
      en: 'Employers in the registry, registered and not closed: the denominator of the unionisation rate.',
    },
  },
  coveredEmployers: {
    key: 'coveredEmployers',
    kind: 'count',
    fromRegistry: true,
    label: { 'zh-CN': '已建会单位数', en: 'Unionised employers' },
    definition: {
      'zh-CN': '由已成立的工会覆盖的在册单位，即建会率的分子。',
      en: 'Registered employers covered by an established union: the numerator of the unionisation rate.',
    },
  },
  unionisationRate: {
    key: 'unionisationRate',
    kind: 'rate',
    parts: { numerator: 'coveredEmployers', denominator: 'employers' },
    label: { 'zh-CN': '建会率', en: 'Unionisation rate' },
    definition: {
      'zh-CN': '建会率 = 已建会单位数 ÷ 单位数（单位台账）。',
      en: 'Unionisation rate = unionised employers ÷ employers in the registry.',
    },
  },
  workforce: {
    key: 'workforce',
    kind: 'count',
    fromRegistry: true,
    label: { 'zh-CN': '职工数', en: 'Workforce' },
    definition: {
      'zh-CN': '在册单位的职工人数，取各单位最近一次登记的人数。',
      en: 'Workers of the registered employers, by each one’s latest recorded headcount.',
    },
  },
  workforceOfUnionisedEmployers: {
    key: 'workforceOfUnionisedEmployers',
    kind: 'count',
    fromRegistry: true,
    label: { 'zh-CN': '已建会单位职工数', en: 'Workforce of unionised employers' },
    definition: {
      'zh-CN': '已建会单位的职工人数。',
      en: 'Workers of the employers covered by a union.',
    },
  },
  members: {
    key: 'members',
    kind: 'count',
    label: { 'zh-CN': '会员数', en: 'Members' },
    definition: {
      'zh-CN': '在会会员（不含保留会籍人员）。',
      en: 'Active members (retained memberships not included).',
    },
  },
  femaleMembers: {
    key: 'femaleMembers',
    kind: 'count',
    label: { 'zh-CN': '女会员', en: 'Women' },
    definition: { 'zh-CN': '会员中的女性。', en: 'Members who are women.' },
  },
  migrantMembers: {
    key: 'migrantMembers',
    kind: 'count',
    label: { 'zh-CN': '农民工会员', en: 'Migrant workers' },
    definition: { 'zh-CN': '会员中的农民工。', en: 'Members who are migrant workers (农民工).' },
  },
  newFormMembers: {
    key: 'newFormMembers',
    kind: 'count',
    label: { 'zh-CN': '新就业形态会员', en: 'New forms of employment' },
    definition: {
      'zh-CN': '会员中的新就业形态劳动者（快递员、外卖送餐员、网约车司机等）。',
      en: 'Members in new forms of employment: couriers, riders, drivers.',
    },
  },
  membershipRateOfUnionised: {
    key: 'membershipRateOfUnionised',
    kind: 'rate',
    parts: { numerator: 'members', denominator: 'workforceOfUnionisedEmployers' },
    label: { 'zh-CN': '入会率（已建会单位）', en: 'Membership rate (unionised employers)' },
    definition: {
      'zh-CN': '入会率 = 会员数 ÷ 已建会单位职工数。',
      en: 'Membership rate = members ÷ workforce of unionised employers.',
    },
  },
  membershipRateOfAll: {
    key: 'membershipRateOfAll',
    kind: 'rate',
    parts: { numerator: 'members', denominator: 'workforce' },
    label: { 'zh-CN': '入会率（全部职工）', en: 'Membership rate (all workers)' },
    definition: {
      'zh-CN': '入会率 = 会员数 ÷ 单位台账全部职工数。',
      en: 'Membership rate = members ÷ the whole workforce of the registry.',
    },
  },
  retainedMemberships: {
    key: 'retainedMemberships',
    kind: 'count',
    label: { 'zh-CN': '保留会籍人数', en: 'Retained memberships' },
    definition: {
      'zh-CN': '由工会或上级工会保留会籍的人员，不计入会员数。',
      en: 'Memberships held by a union or the federation above it; not counted in members.',
    },
  },
  termsExpired: {
    key: 'termsExpired',
    kind: 'count',
    label: { 'zh-CN': '换届预警', en: 'Terms expired' },
    definition: {
      'zh-CN': '委员会任期已满、尚未批准换届的基层工会。',
      en: 'Unions whose committee term has run out without an approved re-election.',
    },
  },
};

/** The KPI cards of a unit, in the order a federation reads them. */
export const KPI_CARDS: readonly FigureKey[] = [
  'unions',
  'employers',
  'unionisationRate',
  'workforce',
  'members',
  'membershipRateOfUnionised',
  'membershipRateOfAll',
  'retainedMemberships',
  'termsExpired',
];

/** A panel of KPI cards below the unit's own: a title and its figures, in order. */
export interface FigurePanel {
  id: string;
  title: Text;
  figures: readonly FigureKey[];
}

/** The panels of the home view, each from its block of the summary. */
export const FIGURE_PANELS: readonly FigurePanel[] = [
  {
    id: 'rights',
    title: { 'zh-CN': '维权', en: 'Rights protection' },
    figures: Object.keys(RIGHTS_FIGURES) as RightsFigureKey[],
  },
];

/** The parts shown inside the members card. */
export const MEMBER_PARTS: readonly FigureKey[] = [
  'femaleMembers',
  'migrantMembers',
  'newFormMembers',
];

/** The columns of the children table, after the name. */
export const TABLE_COLUMNS: readonly FigureKey[] = [
  'unions',
  'employers',
  'coveredEmployers',
  'unionisationRate',
  'workforce',
  'members',
  'membershipRateOfUnionised',
  'membershipRateOfAll',
  'retainedMemberships',
  'termsExpired',
];

export const isFigureKey = (key: string | null): key is FigureKey =>
  key !== null && Object.hasOwn(FIGURES, key);
