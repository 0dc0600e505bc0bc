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
  disputesReceived: { 'zh-CN': '受理劳动争议', en: 'Disputes received' },
  disputesAgreed: { 'zh-CN': '调解成功', en: 'Disputes settled' },
  disputesFailed: { 'zh-CN': '调解不成', en: 'Mediation failed' },
  disputesOverdue: { 'zh-CN': '逾期未结', en: 'Disputes overdue' },
  mediationSuccessRate: { 'zh-CN': '调解成功率', en: 'Mediation success rate' },
  amountRecoveredFen: { 'zh-CN': '追回金额（分）', en: 'Amount recovered (fen)' },
  proposalsReceived: { 'zh-CN': '职代会提案', en: 'Proposals received' },
  proposalsAnswered: { 'zh-CN': '提案已答复', en: 'Proposals answered' },
  unionsWithCongressThisYear: {
    'zh-CN': '本年召开职代会的工会',
    en: 'Unions with a workers’ congress this year',
  },
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
