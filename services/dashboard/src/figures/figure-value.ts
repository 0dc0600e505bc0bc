import type { Summary } from '../api/reports';
import type { I18n } from '../i18n/i18n';
import type { FigureKey } from './figures';
import { FIGURES } from './figures';

/** A figure of a summary written in the current language (a rate as a percentage). */
export const formatFigure = (i18n: I18n, summary: Summary, key: FigureKey): string => {
  const value = summary[key];
  switch (FIGURES[key].kind) {
    case 'rate':
      return i18n.rate(value ?? null);
    case 'amountFen':
      return i18n.yuan((value ?? 0) / 100);
    default:
      return i18n.count(value ?? 0);
  }
};

/** A rate's numerator and denominator as written beside it: "12 / 30 已建会单位数 / 单位数". */
export const rateParts = (i18n: I18n, summary: Summary, key: FigureKey): string | undefined => {
  const parts = FIGURES[key].parts;
  if (!parts) return undefined;
  const numerator = FIGURES[parts.numerator];
  const denominator = FIGURES[parts.denominator];

  return `${i18n.pick(numerator.label)} ${i18n.count(summary[parts.numerator] ?? 0)} ÷ ${i18n.pick(denominator.label)} ${i18n.count(summary[parts.denominator] ?? 0)}`;
};

/** Where a figure comes from, with the dates of the registry's headcounts where they count. */
export const figureSource = (
  i18n: I18n,
  summary: Summary,
  key: FigureKey,
  asOf: string | undefined,
): string => {
  const registry = summary.employerRegistry;
  const usesRegistry =
    FIGURES[key].fromRegistry === true ||
    (FIGURES[key].parts !== undefined &&
      [FIGURES[key].parts.numerator, FIGURES[key].parts.denominator].some(
        (part) => FIGURES[part].fromRegistry,
      ));
  const when = asOf ? i18n.t('asOfDay', { date: i18n.date(asOf) }) : i18n.t('asOfNow');
  const lines = [i18n.t('sourceLine', { what: i18n.t('sourceSummary'), when })];
  if (usesRegistry)
    lines.push(
      registry.oldestHeadcountsAsOf && registry.newestHeadcountsAsOf
        ? i18n.t('sourceRegistry', {
            oldest: i18n.date(registry.oldestHeadcountsAsOf),
            newest: i18n.date(registry.newestHeadcountsAsOf),
          })
        : i18n.t('sourceRegistryEmpty'),
    );

  return lines.join('\n');
};

/** What late entries changed of a figure, "+1 后补录", or nothing where they changed nothing. */
export const lateChangeText = (
  i18n: I18n,
  lateChanges: Partial<Record<string, number>> | undefined,
  figure: string,
): string | undefined => {
  const change = lateChanges?.[figure];
  if (!change) return undefined;

  return i18n.t('enteredLate', {
    change: `${change > 0 ? '+' : '−'}${i18n.count(Math.abs(change))}`,
  });
};
