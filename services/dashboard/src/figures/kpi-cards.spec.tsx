import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Summary } from '../api/reports';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import { summaryOf } from '../testing/summaries';
import { KpiCards } from './kpi-cards';

const cards = (lang: Lang, summary: Summary = summaryOf(), asOf?: string) => {
  const { container } = render(
    <I18nProvider initial={lang}>
      <KpiCards summary={summary} asOf={asOf} />
    </I18nProvider>,
  );
  const card = (figure: string) => container.querySelector(`.kpi[data-figure="${figure}"]`)!;

  return {
    value: (figure: string) => card(figure).querySelector('.kpi-value')!.textContent,
    tip: (figure: string) => card(figure).querySelector('.kpi-tip')!.textContent ?? '',
    text: (figure: string) => card(figure).textContent ?? '',
  };
};

describe('the KPI cards', () => {
  it('write counts grouped and rates as percentages with one decimal', () => {
    const zh = cards('zh-CN');
    expect(zh.value('workforce')).toBe('12,345');
    expect(zh.value('unionisationRate')).toBe('75.0%');
    expect(zh.value('membershipRateOfUnionised')).toBe('85.3%');
    const en = cards('en');
    expect(en.value('members')).toBe('8,534');
    expect(en.value('membershipRateOfAll')).toBe('69.1%');
  });

  it('show a rate without a denominator as a dash, and say why', () => {
    const zh = cards('zh-CN', summaryOf({ employers: 0, unionisationRate: null }));
    expect(zh.value('unionisationRate')).toBe('—');
    expect(zh.tip('unionisationRate')).toContain('无分母');
  });

  it('show both 入会率 with their numerators and denominators', () => {
    const zh = cards('zh-CN');
    expect(zh.text('membershipRateOfUnionised')).toContain(
      '会员数 8,534 ÷ 已建会单位职工数 10,000',
    );
    expect(zh.text('membershipRateOfAll')).toContain('会员数 8,534 ÷ 职工数 12,345');
    expect(cards('en').text('membershipRateOfAll')).toContain('Members 8,534 ÷ Workforce 12,345');
  });

  it('give each figure its definition and source on hover, the registry’s dates where it counts', () => {
    const zh = cards('zh-CN', summaryOf(), '2025-12-31');
    expect(zh.tip('employers')).toContain('单位台账中已登记、未注销的单位');
    expect(zh.tip('employers')).toContain('2025年6月30日');
    expect(zh.tip('employers')).toContain('截至 2025年12月31日 日终');
    expect(zh.tip('members')).not.toContain('单位台账');
    const en = cards('en');
    expect(en.tip('termsExpired')).toContain('without an approved re-election');
    expect(en.tip('termsExpired')).toContain('Source: reporting');
  });

  it('show the members’ parts inside the members card', () => {
    const zh = cards('zh-CN');
    expect(zh.text('members')).toContain('女会员 4,000');
    expect(zh.text('members')).toContain('农民工会员 1,200');
    expect(zh.text('members')).toContain('新就业形态会员 300');
  });
});
