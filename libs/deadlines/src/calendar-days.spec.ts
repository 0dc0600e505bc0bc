import { addDays, addMonths, addYears } from './calendar-days';

describe('calendar days', () => {
  it('counts whole days across months, years and leap days', () => {
    expect(addDays('2026-03-01', 20)).toBe('2026-03-21');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-01-10', -1)).toBe('2023-01-09');
  });

  it('keeps the day of the month a year on, 29 February falling on the 28th', () => {
    expect(addYears('2026-03-09', 1)).toBe('2027-03-09');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('keeps the day of the month months on or back, the 31st falling on a shorter month’s last', () => {
    expect(addMonths('2029-04-10', -3)).toBe('2029-01-10');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});
