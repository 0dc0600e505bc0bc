const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** A month (2026-11) or a year (2026), as reporting takes it. */
export const isPeriod = (text: string): boolean => PERIOD.test(text);

/** The month before `now`'s, in China (the latest month that has ended there). */
export const lastMonth = (now: Date = new Date()): string => {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));

  return first.toISOString().slice(0, 7);
};
