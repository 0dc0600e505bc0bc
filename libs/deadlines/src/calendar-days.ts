// Due dates are business dates (YYYY-MM-DD, the region's calendar): counted in whole calendar
// days, so UTC arithmetic on the date alone is exact.
const parse = (date: string): Date => new Date(`${date}T00:00:00Z`);
const format = (date: Date): string => date.toISOString().slice(0, 10);

/** The business date `days` calendar days after `date` (before it when negative). */
export const addDays = (date: string, days: number): string => {
  const result = parse(date);
  result.setUTCDate(result.getUTCDate() + days);

  return format(result);
};

/** The same day `years` later; 29 February falls on 28 February in a common year. */
export const addYears = (date: string, years: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();

  return format(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDayOfMonth))));
};

/** The same day `months` later (earlier when negative); the 31st falls on a shorter month's last. */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDayOfMonth = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(day, lastDayOfMonth));

  return format(first);
};
