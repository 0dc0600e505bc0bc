import type { Lang } from './messages';

/** Number formats of a language: counts grouped, rates as percentages, dates written out. */
export interface Formats {
  count: (value: number) => string;
  /** A fraction (0.8534) as a percentage; null (no denominator) as a dash. */
  rate: (value: number | null) => string;
  /** Counts on a chart axis: 12,000 as 1.2万 or 12K. */
  compact: (value: number) => string;
  /** An amount in yuan 元, with its fen: ¥1,234.50 (CN¥ in English). */
  yuan: (value: number) => string;
  date: (isoDate: string) => string;
}

const DASH = '—';

export const formatsOf = (lang: Lang): Formats => {
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const rate = new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const yuan = new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });

  return {
    count: (value) => count.format(value),
    rate: (value) => (value === null ? DASH : rate.format(value)),
    compact: (value) => compact.format(value),
    yuan: (value) => yuan.format(value),
    date: (isoDate) => date.format(new Date(`${isoDate}T00:00:00Z`)),
  };
};
