/** How long an employer has been registered on a date: whole days and whole calendar months. */
export interface RegisteredFor {
  days: number;
  months: number;
}

const DAY_MS = 86_400_000;

/** `registeredOn` and `asOf` as YYYY-MM-DD; a month counts once its day of the month is reached. */
export const registeredFor = (registeredOn: string, asOf: string): RegisteredFor => {
  const [fromYear, fromMonth, fromDay] = registeredOn.split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const [toYear, toMonth, toDay] = asOf.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.parse(asOf) - Date.parse(registeredOn)) / DAY_MS);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) - (toDay < fromDay ? 1 : 0);

  return { days, months: Math.max(months, 0) };
};
