import { hasEnded, lastDayOf, parsePeriod } from './report-period';

describe('report periods 统计期', () => {
  it('reads a month and a year, and nothing else', () => {
    expect(parsePeriod('2026-11')).toEqual({ kind: 'month', value: '2026-11' });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', value: '2026' });
    for (const bad of ['2026-13', '2026-00', '26-11', '2026-1', '2026-11-30', '', '二〇二六'])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('ends on the month’s own last day, leap years included, and the year’s on 31 December', () => {
    expect(lastDayOf({ kind: 'month', value: '2026-02' })).toBe('2026-02-28');
    expect(lastDayOf({ kind: 'month', value: '2028-02' })).toBe('2028-02-29');
    expect(lastDayOf({ kind: 'month', value: '2026-11' })).toBe('2026-11-30');
    expect(lastDayOf({ kind: 'month', value: '2026-12' })).toBe('2026-12-31');
    expect(lastDayOf({ kind: 'year', value: '2026' })).toBe('2026-12-31');
  });

  it('has ended only once its last day is over', () => {
    const november = { kind: 'month', value: '2026-11' } as const;
    expect(hasEnded(november, '2026-11-30')).toBe(false);
    expect(hasEnded(november, '2026-12-01')).toBe(true);
    expect(hasEnded({ kind: 'year', value: '2026' }, '2026-12-31')).toBe(false);
    expect(hasEnded({ kind: 'year', value: '2025' }, '2026-01-01')).toBe(true);
  });
});
