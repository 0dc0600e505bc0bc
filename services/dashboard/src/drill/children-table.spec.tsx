import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { I18nProvider } from '../i18n/i18n';
import { childOf } from '../testing/summaries';
import { ChildrenTable } from './children-table';

const table = (
  rows = [childOf(1, { members: 5 }), childOf(2, { members: 9 }), childOf(3, { members: 7 })],
) =>
  render(
    <I18nProvider initial="zh-CN">
      <ChildrenTable rows={rows} />
    </I18nProvider>,
  );
const order = () =>
  [...document.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-unit'));

describe('the children table', () => {
  beforeEach(() => window.history.replaceState(null, '', '/units/city'));

  it('sorts by any figure on a click, largest first, and reverses on a second click', () => {
    table();
    expect(order()).toEqual(['child-1', 'child-2', 'child-3']);
    fireEvent.click(screen.getByRole('button', { name: '会员数' }));
    expect(order()).toEqual(['child-2', 'child-3', 'child-1']);
    expect(window.location.search).toBe('?sort=members&dir=desc');
    fireEvent.click(screen.getByRole('button', { name: /会员数/ }));
    expect(order()).toEqual(['child-1', 'child-3', 'child-2']);
    expect(window.location.search).toBe('?sort=members&dir=asc');
  });

  it('takes its order from the URL, so a shared link shows the same', () => {
    window.history.replaceState(null, '', '/units/city?sort=members&dir=desc');
    table();
    expect(order()).toEqual(['child-2', 'child-3', 'child-1']);
  });

  it('links each child to its own view below the current one, keeping the date', () => {
    window.history.replaceState(null, '', '/units/city?asOf=2025-12-31&sort=members');
    table();
    expect(screen.getByRole('link', { name: '第2街道工会' }).getAttribute('href')).toBe(
      '/units/city/child-2?asOf=2025-12-31',
    );
  });

  it('renders a page of 50 rows out of 12,000 units, and pages on', () => {
    const many = Array.from({ length: 12_000 }, (_, n) =>
      childOf(n, { members: n, name: `工会${String(n).padStart(5, '0')}`, kind: 'union' }),
    );
    table(many);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(screen.getByText('第 1 / 240 页，共 12,000 个')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByText('第 2 / 240 页，共 12,000 个')).toBeTruthy();
    expect(order()[0]).toBe('child-50');
  });

  it('renders 10,000 unions (the large region’s, as one unit’s children) as one page of rows, sorted and paged over all', () => {
    // The worst case of the large region: all its unions directly under one unit (its city has
    // 10 districts, a street 50 unions). Figures in no order, names to collate. Only the page is
    // ever in the document, which is what keeps the page from freezing (speed is the bench's).
    const many = Array.from({ length: 10_000 }, (_, n) =>
      childOf(n, {
        members: (n * 7919) % 10_007,
        unionisationRate: n % 3 === 0 ? null : ((n * 31) % 100) / 100,
        name: `第${(n * 4001) % 10_000}机械厂工会`,
        kind: 'union',
      }),
    );

    table(many);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: '会员数' }));
    fireEvent.click(screen.getByRole('button', { name: '名称' }));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));

    expect(document.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(screen.getByText('第 2 / 200 页，共 10,000 个')).toBeTruthy();
    expect(window.location.search).toBe('?sort=name&dir=asc&page=2');
  });
});
