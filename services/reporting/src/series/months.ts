import { ValidationError } from '@taizhang/domain';

/** The most points a series answers (ten years of months). */
export const MAX_SERIES_POINTS = 120;

/** A month as YYYY-MM. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (i: number) =>
  `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The last day of a month (YYYY-MM-DD). */
export const lastDayOf = (month: string): string => {
  const next = index(month) + 1;
  const day = new Date(Date.UTC(Math.floor(next / 12), next % 12, 0));

  return day.toISOString().slice(0, 10);
};

/** One point of a series: its month, and the day its figures are read at. */
export interface SeriesPeriod {
  period: string;
  asOf: string;
}

/**
 * The months from `from` to `to`, each read at its last day, or at `today` (a business date) for
 * the month that holds it. A month after today's, an inverted range or more than
 * `MAX_SERIES_POINTS` months is a 400.
 */
export const monthlyPeriods = (from: string, to: string, today: string): SeriesPeriod[] => {
  const [first, last, current] = [index(from), index(to), index(today.slice(0, 7))];
  if (last < first)
    throw new ValidationError({
      en: `from (${from}) is after to (${to})`,
      zh: '起始月份晚于截止月份',
    });
  if (last - first + 1 > MAX_SERIES_POINTS)
    throw new ValidationError({
      en: `A series has at most ${MAX_SERIES_POINTS} months; ask for a shorter range`,
      zh: `序列最多${MAX_SERIES_POINTS}个月,请缩短区间`,
    });
  if (last > current)
    throw new ValidationError({
      en: `to (${to}) is after the current month (${monthOf(current)}): it has no figures yet`,
      zh: '截止月份晚于本月,尚无数据',
    });

  return Array.from({ length: last - first + 1 }, (_, i) => {
    const period = monthOf(first + i);

    return { period, asOf: first + i === current ? today : lastDayOf(period) };
  });
};
