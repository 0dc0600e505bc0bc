// The region's business calendar: a union chair's "today" is China Standard Time, not UTC.
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) of an instant in the region. */
export const businessDate = (instant: Date): string => CHINA_DATE.format(instant);

/** Midnight at the start of a business date, as an instant (the `occurredAt` of a dated record). */
export const startOfBusinessDate = (date: string): Date => new Date(`${date}T00:00:00+08:00`);
