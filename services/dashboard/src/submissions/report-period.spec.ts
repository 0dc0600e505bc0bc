import { describe, expect, it } from 'vitest';

import { isPeriod, lastMonth } from './report-period';

describe('report periods', () => {
  it('takes a month or a year, nothing else', () => {
    expect(['2026-11', '2026', '2026-01'].map(isPeriod)).toEqual([true, true, true]);
    expect(['2026-13', '26-11', '2026-11-30', ''].map(isPeriod)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('is by default the last month that ended in China, across a new year', () => {
    expect(lastMonth(new Date('2026-12-07T01:00:00Z'))).toBe('2026-11');
    expect(lastMonth(new Date('2027-01-15T01:00:00Z'))).toBe('2026-12');
    // 2026-11-30 17:00 UTC is already 1 December in China.
    expect(lastMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-11');
    expect(lastMonth(new Date('2026-11-30T15:00:00Z'))).toBe('2026-10');
  });
});
