import type { FigureKey } from '../figures/figures';
import { FIGURES } from '../figures/figures';
import type { I18n } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';

// The figures a report freezes that the home view's cards do not show.
const MORE_LABELS: Record<string, Record<Lang, string>> = {
  femaleWorkforce: { 'zh-CN': '女职工数', en: 'Female workforce' },
  migrantWorkforce: { 'zh-CN': '农民工数', en: 'Migrant workforce' },
  newFormWorkforce: { 'zh-CN': '新就业形态劳动者数', en: 'New-form workforce' },
  femaleMembershipRate: { 'zh-CN': '女职工入会率', en: 'Female membership rate' },
  migrantMembershipRate: { 'zh-CN': '农民工入会率', en: 'Migrant membership rate' },
  newFormMembershipRate: { 'zh-CN': '新就业形态劳动者入会率', en: 'New-form membership rate' },
  answersOverdue: { 'zh-CN': '逾期未批复', en: 'Answers overdue' },
  // Rights' figures the 维权 panel does not show (the panel's own are labelled there).
  averageWageIncreasePercent: { 'zh-CN': '平均工资增幅（%）', en: 'Average wage increase (%)' },
  'contractsInForceByKind.comprehensive': {
    'zh-CN': '有效综合性集体合同',
    en: 'Comprehensive contracts in force',
  },
  'contractsInForceByKind.wage': { 'zh-CN': '有效工资专项集体合同', en: 'Wage contracts in force' },
  'contractsInForceByKind.women': {
    'zh-CN': '有效女职工权益保护专项集体合同',
    en: 'Women workers’ contracts in force',
  },
  'contractsInForceByKind.safety': {
    'zh-CN': '有效劳动安全卫生专项集体合同',
    en: 'Safety and health contracts in force',
  },
  inspections: { 'zh-CN': '劳动保护监督检查', en: 'Labour-protection inspections' },
  womenSpecialInspections: {
    'zh-CN': '女职工“五期”保护检查',
    en: 'Women workers’ special-protection inspections',
  },
  hotlineLegalAid: { 'zh-CN': '法律援助', en: 'Legal aid' },
  hotlineClosed: { 'zh-CN': '热线已办结', en: 'Hotline tickets closed' },
  hotlineOverdue: { 'zh-CN': '热线逾期未答复', en: 'Hotline tickets overdue' },
  hotlineSatisfaction: { 'zh-CN': '热线满意度（1–5）', en: 'Hotline satisfaction (1–5)' },
  hotlineWagesRecoveredFen: {
    'zh-CN': '热线追回工资（分）',
    en: 'Wages recovered by the hotline (fen)',
  },
  earlyWarningsOpenBlue: { 'zh-CN': '蓝色预警', en: 'Blue warnings' },
  earlyWarningsOpenYellow: { 'zh-CN': '黄色预警', en: 'Yellow warnings' },
  earlyWarningsOpenOrange: { 'zh-CN': '橙色预警', en: 'Orange warnings' },
  earlyWarningsOpenRed: { 'zh-CN': '红色预警', en: 'Red warnings' },
};

const known = (figure: string): figure is FigureKey => figure in FIGURES;

/** A figure's label in `lang`; a figure the dashboard has no label for, by its name. */
export const figureLabel = (i18n: I18n, figure: string): string =>
  known(figure)
    ? i18n.pick(FIGURES[figure].label)
    : MORE_LABELS[figure]
      ? i18n.pick(MORE_LABELS[figure])
      : figure;

const isRate = (figure: string) =>
  known(figure) ? FIGURES[figure].kind === 'rate' : /Rate$/.test(figure);

/** A value of a report written in the current language (a rate as a percentage). */
export const figureText = (i18n: I18n, figure: string, value: number | null): string =>
  isRate(figure) ? i18n.rate(value) : value === null ? '—' : i18n.count(value);

/** A change written with its sign (a rate's in percentage points). */
export const changeText = (i18n: I18n, figure: string, change: number | null): string => {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : '';

  return isRate(figure) ? `${sign}${(change * 100).toFixed(1)} pp` : `${sign}${i18n.count(change)}`;
};
