import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { KpiCards } from '../figures/kpi-cards';
import { summaryOf } from '../testing/summaries';
import { I18nProvider, LanguageToggle } from './i18n';

describe('the language', () => {
  beforeEach(() => localStorage.clear());

  const page = () =>
    render(
      <I18nProvider>
        <LanguageToggle />
        <KpiCards summary={summaryOf({ members: 1_234_567 })} asOf={undefined} />
      </I18nProvider>,
    );

  it('is Chinese by default, with a button offering English', () => {
    page();
    expect(screen.getByText('建会率')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches every label to English and back, and the page language with it', () => {
    page();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Unionisation rate')).toBeTruthy();
    expect(screen.queryByText('建会率')).toBeNull();
    expect(screen.getByText('Membership rate (unionised employers)')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByText('建会率')).toBeTruthy();
    expect(screen.getByText('入会率（已建会单位）')).toBeTruthy();
  });

  it('is remembered in this browser', () => {
    const first = page();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    first.unmount();
    page();
    expect(screen.getByText('Unionisation rate')).toBeTruthy();
  });
});
