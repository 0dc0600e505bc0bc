import { lastDayOf, MAX_SERIES_POINTS, monthlyPeriods } from './months';

describe('monthly periods of a series', () => {
  it('reads each month at its last day, leap years included, and the current month today', () => {
    expect(monthlyPeriods('2023-12', '2024-03', '2024-03-10')).toEqual([
      { period: '2023-12', asOf: '2023-12-31' },
      { period: '2024-01', asOf: '2024-01-31' },
      { period: '2024-02', asOf: '2024-02-29' },
      { period: '2024-03', asOf: '2024-03-10' },
    ]);
    expect(lastDayOf('2100-02')).toBe('2100-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
  });

  it(`answers one month, and at most ${MAX_SERIES_POINTS}`, () => {
    expect(monthlyPeriods('2025-06', '2025-06', '2026-01-01')).toHaveLength(1);
    expect(monthlyPeriods('2016-01', '2025-12', '2026-01-01')).toHaveLength(120);
    expect(() => monthlyPeriods('2015-12', '2025-12', '2026-01-01')).toThrow(/at most 120/);
  });

  it('refuses an inverted range and months after the current one', () => {
    expect(() => monthlyPeriods('2025-07', '2025-06', '2026-01-01')).toThrow(/after to/);
    expect(() => monthlyPeriods('2025-12', '2026-02', '2026-01-31')).toThrow(/current month/);
  });
});
