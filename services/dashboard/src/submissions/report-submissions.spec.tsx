import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import type { SignedInUser } from '../session/session';
import { lastMonth } from './report-period';
import { ReportSubmissions } from './report-submissions';
import type { Submissions, SubmittedReport } from './submissions-api';

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

const officer = (orgUnitId: string): SignedInUser => ({
  id: `user-${orgUnitId}`,
  username: `officer.${orgUnitId}`,
  role: 'federation_officer',
  orgUnitId,
  orgPath: `c/${orgUnitId}`,
});

const submitted = {
  reportId: 'r-s1',
  version: 1,
  submittedAt: '2026-12-01T02:00:00.000Z',
  knownAt: '2026-12-01T02:00:00.000Z',
  submittedBy: { userId: 'u-s1', username: '街道统计员' },
};

const district = (own: Submissions['own'] = null): Submissions => ({
  orgUnitId: 'd1',
  kind: 'district',
  period: { kind: 'month', value: '2026-11' },
  asOf: '2026-11-30',
  own,
  children: [
    { orgUnitId: 's1', name: '第一街道工会', kind: 'street', submission: submitted },
    { orgUnitId: 's2', name: '第二街道工会', kind: 'street', submission: null },
  ],
  submitted: 1,
  notYet: 1,
});

const report: SubmittedReport = {
  reportId: 'r-s1',
  orgUnitId: 's1',
  name: '第一街道工会',
  kind: 'street',
  period: { kind: 'month', value: '2026-11' },
  asOf: '2026-11-30',
  knownAt: '2026-12-01T02:00:00.000Z',
  version: 1,
  supersedes: null,
  latest: false,
  latestReportId: 'r-s1-2',
  submittedBy: { userId: 'u-s1', username: '街道统计员' },
  submittedAt: '2026-12-01T02:00:00.000Z',
  figures: { unions: 3, members: 120, unionisationRate: 0.75, proposalsReceived: 2 },
  checkedAt: '2026-12-07T02:00:00.000Z',
  changesSince: [{ figure: 'members', then: 120, now: 125, change: 5 }],
};

describe('报表报送 (reports submitted upward)', () => {
  const asked: { url: string; method: string; body?: string }[] = [];
  beforeEach(() => {
    asked.length = 0;
    window.history.replaceState(null, '', '/units/d1?list=reports&period=2026-11');
  });
  afterEach(() => vi.unstubAllGlobals());

  const view = (
    respond: (url: string, method: string) => Promise<Response>,
    {
      user = officer('d1'),
      id = 'd1',
      lang,
    }: { user?: SignedInUser; id?: string; lang?: Lang } = {},
  ) => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        asked.push({ url, method, body: init?.body as string | undefined });

        return respond(url, method);
      }),
    );

    return render(
      <I18nProvider initial={lang ?? 'zh-CN'}>
        <ReportSubmissions id={id} user={user} />
      </I18nProvider>,
    );
  };

  it('shows the unit above which children have submitted the period, and who has not', async () => {
    view(() => json(district()));
    await screen.findByText('第一街道工会');
    expect(asked[0]!.url).toBe('/api/reporting/reports/org-units/d1/submissions?period=2026-11');
    const state = (unit: string) =>
      document.querySelector(`tr[data-unit="${unit}"]`)!.getAttribute('data-state');
    expect(state('s1')).toBe('submitted');
    expect(state('s2')).toBe('not-yet');
    expect(document.querySelector('tr[data-unit="s1"]')!.textContent).toContain('街道统计员');
    expect(document.querySelector('tr[data-unit="s2"] .state')!.textContent).toBe('未报送');
    expect(screen.getByText('已报送 1 个，未报送 1 个')).toBeTruthy();
    expect(screen.getByText('本期尚未报送')).toBeTruthy();
  });

  it('submits the officer’s own unit’s report, then shows it submitted', async () => {
    let posted = false;
    view((url, method) => {
      if (method === 'POST') {
        posted = true;

        return json({ id: 'r-d1', streamId: 'report-d1-month-2026-11', streamVersion: 1 }, 201);
      }

      return json(district(posted ? { ...submitted, reportId: 'r-d1' } : null));
    });
    fireEvent.click(await screen.findByRole('button', { name: '报送本期报表' }));
    await screen.findByText('已报送。');
    const post = asked.find((request) => request.method === 'POST')!;
    expect(post.url).toBe('/api/reporting/reports/org-units/d1/submissions');
    expect(JSON.parse(post.body!)).toEqual({ period: '2026-11' });
    await waitFor(() =>
      expect(document.querySelector('.own-state')!.getAttribute('data-submitted')).toBe('true'),
    );
    expect(screen.getByRole('button', { name: '更正报送' })).toBeTruthy();
  });

  it('shows a refusal in the language of the page', async () => {
    view(
      (_url, method) =>
        method === 'POST'
          ? json(
              {
                code: 'REPORT_PERIOD_NOT_ENDED',
                detail: 'The period … / 统计期…',
                en: 'The period 2026-11 has not ended yet.',
                zh: '统计期2026-11尚未结束。',
              },
              422,
            )
          : json(district()),
      { lang: 'en' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Submit this period’s report' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not submitted: The period 2026-11 has not ended yet.',
    );
  });

  it('offers no submit button to an officer of the unit above, nor to an auditor', async () => {
    window.history.replaceState(null, '', '/units/c/d1?list=reports&period=2026-11');
    view(() => json(district()), { user: officer('c') });
    await screen.findByText('第一街道工会');
    expect(screen.queryByRole('button', { name: /报送/ })).toBeNull();
  });

  it('takes the last month that ended when the URL names no period, and checks one typed in', async () => {
    window.history.replaceState(null, '', '/units/d1?list=reports');
    view(() => json(district()));
    await screen.findByText('第一街道工会');
    expect(asked[0]!.url).toBe(
      `/api/reporting/reports/org-units/d1/submissions?period=${lastMonth()}`,
    );
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '2026-13' } });
    fireEvent.submit(screen.getByRole('textbox').closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe(
      '统计期须为年月（如 2026-11）或年份（如 2026）。',
    );
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '2025' } });
    fireEvent.submit(screen.getByRole('textbox').closest('form')!);
    expect(window.location.search).toBe('?list=reports&period=2025');
  });

  it('opens a submitted report as frozen, the figures changed since highlighted', async () => {
    view((url) => (url.includes('/submissions/') ? json(report) : json(district())));
    fireEvent.click(await screen.findByRole('link', { name: '查看报表' }));
    expect(window.location.search).toBe('?list=reports&period=2026-11&report=r-s1');
    await screen.findByText('第一街道工会 2026-11 月报');
    expect(asked.at(-1)!.url).toBe('/api/reporting/reports/submissions/r-s1');
    const row = (figure: string) => document.querySelector(`tr[data-figure="${figure}"]`)!;
    expect(row('members').className).toBe('changed');
    expect(row('members').querySelector('.frozen')!.textContent).toBe('120');
    expect(row('members').querySelector('.now')!.textContent).toBe('125');
    expect(row('members').querySelector('.change')!.textContent).toBe('+5');
    expect(row('unions').className).toBe('');
    expect(row('unionisationRate').querySelector('.frozen')!.textContent).toBe('75.0%');
    expect(row('proposalsReceived').querySelector('th')!.textContent).toBe('提案数');
    expect(screen.getByText(/报送后补录改变了 1 项指标/)).toBeTruthy();
    // A correction superseded it: the latest is one click away.
    expect(screen.getByRole('link', { name: '查看最新版本' }).getAttribute('href')).toBe(
      '/units/d1?list=reports&period=2026-11&report=r-s1-2',
    );
  });

  it('writes the report in English too', async () => {
    window.history.replaceState(null, '', '/units/d1?list=reports&period=2026-11&report=r-s1');
    view(() => json(report), { lang: 'en' });
    await screen.findByText('第一街道工会: report for month 2026-11');
    expect(screen.getByRole('columnheader', { name: 'As submitted' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Members' })).toBeTruthy();
  });
});
