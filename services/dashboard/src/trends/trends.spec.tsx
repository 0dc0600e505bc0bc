import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { I18nProvider } from '../i18n/i18n';
import { summaryOf } from '../testing/summaries';
import { Trends } from './trends';

const answer = (status: number, body: unknown = {}) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('the trends section', () => {
  let asked: string[];
  beforeEach(() => {
    asked = [];
    window.history.replaceState(null, '', '/units/d1?asOf=2026-03-15');
  });
  afterEach(() => vi.unstubAllGlobals());

  const trends = (response: () => Promise<Response>, knownAt?: string) => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        asked.push(url);

        return response();
      }),
    );

    return render(
      <I18nProvider initial="zh-CN">
        <Trends unitId="d1" asOf="2026-03-15" knownAt={knownAt} />
      </I18nProvider>,
    );
  };

  it('asks reporting for the twelve months up to the as-of date, by month', async () => {
    const { container } = trends(() => answer(404));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toBe(
      '/api/reporting/reports/org-units/d1/series?from=2025-04&to=2026-03&interval=month',
    );
    // Hidden while reporting has no series endpoint.
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });

  it('asks for every month as known at the view’s instant', async () => {
    trends(() => answer(404), '2026-01-15T00:00:00Z');
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toBe(
      `/api/reporting/reports/org-units/d1/series?from=2025-04&to=2026-03&knownAt=${encodeURIComponent('2026-01-15T00:00:00Z')}&interval=month`,
    );
  });

  it('draws the lines with ECharts when reporting answers', async () => {
    // jsdom has no canvas: ECharts then measures text by its own estimate, as it is built to.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const points = ['2026-02', '2026-03'].map((period, n) => ({
      period,
      asOf: `${period}-28`,
      figures: summaryOf({ members: 100 + n }),
    }));
    const { container } = trends(() => answer(200, { orgUnitId: 'd1', interval: 'month', points }));
    expect(await screen.findByText('月度趋势')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.chart svg')).not.toBeNull(), {
      timeout: 20_000,
    });
    expect(container.querySelector<HTMLInputElement>('input[name="from"]')!.value).toBe('2025-04');
  });
});
