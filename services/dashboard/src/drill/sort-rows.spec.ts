import { describe, expect, it } from 'vitest';

import { childOf } from '../testing/summaries';
import { pageOf, sortRows } from './sort-rows';

describe('sortRows', () => {
  const rows = [
    childOf(1, { name: '乙', members: 5, unionisationRate: 0.5 }),
    childOf(2, { name: '甲', members: 9, unionisationRate: null }),
    childOf(3, { name: '丙', members: 5, unionisationRate: 0.9 }),
  ];
  const names = (sorted: typeof rows) => sorted.map((row) => row.name);

  it('orders by a figure either way, ties by name', () => {
    expect(names(sortRows(rows, 'members', 'desc'))).toEqual(['甲', '丙', '乙']);
    expect(names(sortRows(rows, 'members', 'asc'))).toEqual(['丙', '乙', '甲']);
  });

  it('puts a rate without a denominator last either way', () => {
    expect(names(sortRows(rows, 'unionisationRate', 'desc'))).toEqual(['丙', '乙', '甲']);
    expect(names(sortRows(rows, 'unionisationRate', 'asc'))).toEqual(['乙', '丙', '甲']);
  });

  it('orders by name as Chinese readers do (pinyin)', () => {
    expect(names(sortRows(rows, 'name', 'asc'))).toEqual(['丙', '甲', '乙']);
  });
});

describe('pageOf', () => {
  it('cuts pages of 50 and holds the page number within the pages there are', () => {
    const many = Array.from({ length: 120 }, (_, n) => n);
    expect(pageOf(many, 3)).toEqual({ page: 3, pages: 3, rows: many.slice(100) });
    expect(pageOf(many, 9).page).toBe(3);
    expect(pageOf(many, Number.NaN).page).toBe(1);
    expect(pageOf([], 1)).toEqual({ page: 1, pages: 1, rows: [] });
  });
});
