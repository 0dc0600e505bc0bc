import type { ReportPeriod } from '@taizhang/contracts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** `2026-11` is a month, `2026` a year; anything else is no period (null). */
export const parsePeriod = (text: string): ReportPeriod | null => {
  if (MONTH.test(text)) return { kind: 'month', value: text };
  if (YEAR.test(text)) return { kind: 'year', value: text };

  return null;
};

/** The period's last day (its figures are as of the end of it): `2026-02` → `2026-02-28`. */
export const lastDayOf = (period: ReportPeriod): string => {
  if (period.kind === 'year') return `${period.value}-12-31`;
  const [year, month] = period.value.split('-').map(Number) as [number, number];
  // Day 0 of the next month is this month's last day.
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();

  return `${period.value}-${String(day).padStart(2, '0')}`;
};

/** A period can be reported once its last day is over (today is after it). */
export const hasEnded = (period: ReportPeriod, today: string): boolean => lastDayOf(period) < today;
