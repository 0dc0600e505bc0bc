import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ListKind } from '../api/lists';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import { UnitList } from './unit-lists';

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

const unions = (page: number, total: number) => ({
  orgUnitId: 'd1',
  asOf: '2026-03-15',
  page,
  pageSize: 50,
  total,
  unions: [
    {
      unionId: `u${page}`,
      name: `机床厂工会${page}`,
      parentId: 's1',
      establishedOn: '2020-07-01',
      status: 'active',
      endedOn: null,
    },
  ],
});

const terms = {
  orgUnitId: 'd1',
  today: '2026-03-15',
  within: 180,
  page: 1,
  pageSize: 50,
  total: 2,
  unions: [
    {
      unionId: 't1',
      name: '纺织厂工会',
      parentId: 's1',
      parentName: '第一街道工会联合会',
      establishedOn: '2018-01-01',
      termEndsOn: '2026-01-31',
      daysLeft: -43,
      state: 'ended',
      electionHeldOn: null,
    },
    {
      unionId: 't2',
      name: '仪表厂工会',
      parentId: 's1',
      parentName: '第一街道工会联合会',
      establishedOn: '2021-06-01',
      termEndsOn: '2026-05-31',
      daysLeft: 77,
      state: 'ending',
      electionHeldOn: '2026-03-01',
    },
  ],
};

const uncovered = {
  orgUnitId: 'd1',
  asOf: '2026-03-15',
  page: 1,
  pageSize: 50,
  total: 1,
  employers: [
    {
      employerId: 'e1',
      name: '沈阳快递有限公司',
      creditCode: '91210100MA0000000X',
      headcount: 1234,
      registeredOn: '2025-06-30',
      registeredForDays: 258,
      registeredForMonths: 8,
    },
  ],
};

describe('the lists of a unit', () => {
  let asked: { url: string; accept: string | null }[];
  let termReads: string[];
  beforeEach(() => {
    asked = [];
    termReads = [];
    window.history.replaceState(null, '', '/units/d1?list=unions');
  });
  afterEach(() => vi.unstubAllGlobals());

  const list = (
    kind: ListKind,
    respond: (url: string) => Promise<Response>,
    { asOf, knownAt, lang = 'zh-CN' }: { asOf?: string; knownAt?: string; lang?: Lang } = {},
  ) => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        // The unions list reads every term warning beside its page, for the 换届 column.
        if (kind === 'unions' && url.includes('/term-warnings')) {
          termReads.push(url);

          return json(terms);
        }
        asked.push({ url, accept: new Headers(init?.headers).get('accept') });

        return respond(url);
      }),
    );

    return render(
      <I18nProvider initial={lang}>
        <UnitList kind={kind} id="d1" asOf={asOf} knownAt={knownAt} />
      </I18nProvider>,
    );
  };

  it('pages through the unions, the page in the URL, with their status', async () => {
    list(
      'unions',
      (url) => json(unions(Number(new URL(url, 'http://x').searchParams.get('page') ?? 1), 120)),
      {
        asOf: '2026-03-15',
      },
    );
    await screen.findByText('机床厂工会1');
    expect(asked[0]!.url).toBe('/api/reporting/reports/org-units/d1/unions?asOf=2026-03-15');
    expect(screen.getByRole('cell', { name: '存续' })).toBeTruthy();
    expect(screen.getByText('第 1 / 3 页，共 120 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('机床厂工会2');
    expect(window.location.search).toBe('?list=unions&page=2');
    expect(asked[1]!.url).toBe('/api/reporting/reports/org-units/d1/unions?asOf=2026-03-15&page=2');
  });

  it('searches by name and status from the URL, back to the first page', async () => {
    window.history.replaceState(null, '', '/units/d1?list=unions&page=3');
    list('unions', () => json(unions(1, 1)));
    await screen.findByText('机床厂工会1');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: ' 机床 ' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(window.location.search).toBe(`?list=unions&name=${encodeURIComponent('机床')}`);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'dissolved' } });
    expect(window.location.search).toBe(
      `?list=unions&name=${encodeURIComponent('机床')}&status=dissolved`,
    );
    await waitFor(() =>
      expect(asked.at(-1)!.url).toBe(
        `/api/reporting/reports/org-units/d1/unions?name=${encodeURIComponent('机床')}&status=dissolved`,
      ),
    );
  });

  it('downloads the API’s sheet of the whole list with the same filters', async () => {
    window.history.replaceState(null, '', '/units/d1?list=unions&status=active&page=2');
    const created = vi.fn(() => 'blob:sheet');
    // jsdom has no object URLs: a subclass with them, for this test only (unstubbed after).
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = created;
        static override revokeObjectURL = vi.fn();
      },
    );
    const clicked = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    list('unions', (url) =>
      url.includes('.xlsx')
        ? Promise.resolve(new Response(new Blob(['PK']), { status: 200 }))
        : json(unions(2, 60)),
    );
    await screen.findByText('机床厂工会2');
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    const sheet = asked.find((call) => call.url.includes('.xlsx'))!;
    expect(sheet.url).toBe('/api/reporting/reports/org-units/d1/unions.xlsx?status=active');
    expect(sheet.accept).toContain('spreadsheetml');
    expect(created).toHaveBeenCalled();
  });

  it('says why an export was refused (a 413 over 50,000 rows)', async () => {
    list('uncovered', (url) =>
      url.includes('.xlsx')
        ? json({ detail: '导出行数超过上限，请按下级组织或更窄的条件导出。' }, 413)
        : json(uncovered),
    );
    await screen.findByText('沈阳快递有限公司');
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '导出失败：导出行数超过上限，请按下级组织或更窄的条件导出。',
    );
  });

  it('lists the employers without a union with their headcount and time on the registry', async () => {
    list('uncovered', () => json(uncovered), { asOf: '2026-03-15' });
    await screen.findByText('沈阳快递有限公司');
    expect(asked[0]!.url).toBe(
      '/api/reporting/reports/org-units/d1/uncovered-employers?asOf=2026-03-15',
    );
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByText('8 个月')).toBeTruthy();
    expect(screen.getByText('91210100MA0000000X')).toBeTruthy();
  });

  it('lists term warnings with their 换届 state, filtered by days and state', async () => {
    window.history.replaceState(null, '', '/units/d1?list=terms');
    list('terms', () => json(terms), { asOf: '2026-03-15' });
    await screen.findByText('纺织厂工会');
    // Term warnings are today's: the as-of date is not sent.
    expect(asked[0]!.url).toBe('/api/organisation/org-units/d1/term-warnings');
    expect(screen.getByRole('cell', { name: '已到期未换届' })).toBeTruthy();
    expect(screen.getByText('已换届待批（2026年3月1日）')).toBeTruthy();
    expect(screen.getByText('-43')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/预警范围/), { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText(/换届状态/), { target: { value: 'ended' } });
    expect(window.location.search).toBe('?list=terms&within=90&state=ended');
    await waitFor(() =>
      expect(asked.at(-1)!.url).toBe(
        '/api/organisation/org-units/d1/term-warnings?within=90&state=ended',
      ),
    );
  });

  it('labels everything in English too', async () => {
    window.history.replaceState(null, '', '/units/d1?list=terms');
    list('terms', () => json(terms), { lang: 'en' });
    await screen.findByText('纺织厂工会');
    expect(screen.getByRole('cell', { name: 'Term ended, not re-elected' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Term ends' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export to Excel' })).toBeTruthy();
  });

  it('shows each active union’s 换届 state from organisation’s term warnings', async () => {
    list('unions', () =>
      json({
        ...unions(1, 3),
        unions: [
          { ...unions(1, 3).unions[0], unionId: 't1', name: '纺织厂工会' },
          { ...unions(1, 3).unions[0], unionId: 't2', name: '仪表厂工会' },
          { ...unions(1, 3).unions[0], unionId: 'u9', name: '服装厂工会' },
        ],
      }),
    );
    await screen.findByText('已到期未换届');
    expect(termReads).toEqual(['/api/organisation/org-units/d1/term-warnings?page=1&pageSize=500']);
    const termOf = (id: string) =>
      document.querySelector(`tr[data-row="${id}"] td[data-column="term"]`)?.textContent;
    expect(termOf('t1')).toBe('已到期未换届');
    expect(termOf('t2')).toBe('已换届待批（2026年3月1日）');
    expect(termOf('u9')).toBe('—');
  });

  it('asks for the unions and the employers without a union as known at the view’s instant, sheets too', async () => {
    const knownAt = '2026-01-15T00:00:00Z';
    const at = `asOf=2025-12-31&knownAt=${encodeURIComponent(knownAt)}`;
    list('unions', () => json(unions(1, 1)), { asOf: '2025-12-31', knownAt });
    await screen.findByText('机床厂工会1');
    expect(asked[0]!.url).toBe(`/api/reporting/reports/org-units/d1/unions?${at}`);
    // Organisation's 换届 warnings are today's: no instant for them.
    expect(termReads[0]).not.toContain('knownAt');
    cleanup();

    asked = [];
    window.history.replaceState(null, '', '/units/d1?list=uncovered');
    const created = vi.fn(() => 'blob:sheet');
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = created;
        static override revokeObjectURL = vi.fn();
      },
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    list(
      'uncovered',
      (url) =>
        url.includes('.xlsx')
          ? Promise.resolve(new Response(new Blob(['PK']), { status: 200 }))
          : json(uncovered),
      { asOf: '2025-12-31', knownAt },
    );
    await screen.findByText('沈阳快递有限公司');
    expect(asked[0]!.url).toBe(`/api/reporting/reports/org-units/d1/uncovered-employers?${at}`);
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(asked.find((call) => call.url.includes('.xlsx'))!.url).toBe(
      `/api/reporting/reports/org-units/d1/uncovered-employers.xlsx?${at}`,
    );
  });

  it('searches the employers without a union by name through reporting, back to the first page', async () => {
    window.history.replaceState(null, '', '/units/d1?list=uncovered&page=2');
    list('uncovered', () => json(uncovered), { asOf: '2026-03-15' });
    await screen.findByText('沈阳快递有限公司');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: ' 快递 ' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(window.location.search).toBe(`?list=uncovered&name=${encodeURIComponent('快递')}`);
    await waitFor(() =>
      expect(asked.at(-1)!.url).toBe(
        `/api/reporting/reports/org-units/d1/uncovered-employers?asOf=2026-03-15&name=${encodeURIComponent('快递')}`,
      ),
    );
    // The search box shows what the URL searches for.
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('快递');
  });

  it('says so when nothing matches', async () => {
    list('unions', () => json({ ...unions(1, 0), unions: [] }));
    await screen.findByText('没有符合条件的记录。');
  });
});
