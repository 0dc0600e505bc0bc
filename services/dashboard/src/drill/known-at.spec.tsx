import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { KpiCards } from '../figures/kpi-cards';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import { childOf, summaryOf } from '../testing/summaries';
import { ChildrenTable } from './children-table';
import { instantOf, knownAtOf, KnownAtPicker, localInputOf } from './known-at';

const picker = (knownAt: string | undefined, lang: Lang = 'zh-CN') =>
  render(
    <I18nProvider initial={lang}>
      <KnownAtPicker knownAt={knownAt} />
    </I18nProvider>,
  );

describe('the "as known at" picker', () => {
  beforeEach(() => window.history.replaceState(null, '', '/units/city?asOf=2025-12-31'));

  it('keeps the picked local time in the URL as an instant, beside the as-of date', () => {
    picker(undefined);
    const input = screen.getByLabelText('截至录入时间');
    fireEvent.change(input, { target: { value: '2026-01-15T09:30' } });
    const knownAt = new URLSearchParams(window.location.search).get('knownAt')!;
    expect(knownAt).toBe(instantOf('2026-01-15T09:30'));
    expect(knownAt).toMatch(/^2026-01-1\dT\d\d:30:00Z$/);
    expect(new URLSearchParams(window.location.search).get('asOf')).toBe('2025-12-31');
    expect(localInputOf(knownAt)).toBe('2026-01-15T09:30');
  });

  it('shows the URL’s instant and clears it with a button', () => {
    const knownAt = instantOf('2026-01-15T09:30')!;
    window.history.replaceState(null, '', `/units/city?asOf=2025-12-31&knownAt=${knownAt}`);
    picker(knownAt, 'en');
    expect(screen.getByLabelText<HTMLInputElement>('As known at').value).toBe('2026-01-15T09:30');
    fireEvent.click(screen.getByRole('button', { name: 'As known now' }));
    expect(window.location.search).toBe('?asOf=2025-12-31');
  });

  it('reads only instants with an offset from the URL', () => {
    const of = (value: string) => knownAtOf(new URLSearchParams({ knownAt: value }));
    expect(of('2026-01-15T00:00:00Z')).toBe('2026-01-15T00:00:00Z');
    expect(of('2026-01-15T08:00:00+08:00')).toBe('2026-01-15T08:00:00+08:00');
    expect(of('2026-01-15')).toBeUndefined();
    expect(of('2026-01-15T00:00')).toBeUndefined();
    expect(of('yesterday')).toBeUndefined();
  });
});

const lateChanges = { members: 1, unions: 0, employers: -2 };

describe('what late entries changed', () => {
  beforeEach(() => window.history.replaceState(null, '', '/units/city'));

  it('is shown beside each KPI card it changed, and nowhere else', () => {
    const { container } = render(
      <I18nProvider initial="zh-CN">
        <KpiCards
          summary={summaryOf({ knownAt: '2026-01-15T00:00:00Z', lateChanges })}
          asOf={undefined}
        />
      </I18nProvider>,
    );
    const late = (figure: string) =>
      container.querySelector(`.kpi[data-figure="${figure}"] .kpi-late`)?.textContent;
    expect(late('members')).toBe('+1 后补录');
    expect(late('employers')).toBe('−2 后补录');
    expect(late('unions')).toBeUndefined();
    expect(late('unionisationRate')).toBeUndefined();
  });

  it('shows no badge without knownAt', () => {
    const { container } = render(
      <I18nProvider initial="en">
        <KpiCards summary={summaryOf()} asOf={undefined} />
      </I18nProvider>,
    );
    expect(container.querySelector('.kpi-late')).toBeNull();
  });

  it('is the title of a child’s cell it changed', () => {
    const { container } = render(
      <I18nProvider initial="en">
        <ChildrenTable rows={[childOf(1, { lateChanges }), childOf(2)]} />
      </I18nProvider>,
    );
    const cell = (unit: string, figure: string) =>
      container.querySelector(`tr[data-unit="${unit}"] td[data-figure="${figure}"]`)!;
    expect(cell('child-1', 'members').getAttribute('title')).toBe('+1 entered late');
    expect(cell('child-1', 'unions').hasAttribute('title')).toBe(false);
    expect(cell('child-2', 'members').hasAttribute('title')).toBe(false);
  });
});
