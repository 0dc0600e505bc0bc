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
    container,
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

describe('the 维权 panel', () => {
  const rights = {
    disputesReceived: 1_204,
    disputesAgreed: 830,
    disputesFailed: 170,
    disputesOverdue: 12,
    mediationSuccessRate: 0.83,
    amountRecoveredFen: 123_456_789,
    unionsWithCongressThisYear: 57,
    proposalsReceived: 310,
    proposalsAnswered: 288,
  };
  const panel = (lang: Lang, figures: Partial<Summary> = rights) => {
    const shown = cards(lang, summaryOf(figures));
    const section = shown.container.querySelector('.kpi-panel[data-panel="rights"]');

    return {
      ...shown,
      section,
      figures: [...(section?.querySelectorAll('.kpi') ?? [])].map((card) =>
        card.getAttribute('data-figure'),
      ),
    };
  };

  it('shows rights’ figures of the summary under 维权, in order, apart from the unit’s own cards', () => {
    const zh = panel('zh-CN');
    expect(zh.section?.querySelector('h2')?.textContent).toBe('维权');
    expect(zh.figures).toEqual(Object.keys(rights));
    expect(
      zh.container.querySelector('section.kpis[aria-label="KPI"] [data-figure="disputesReceived"]'),
    ).toBeNull();
    expect(zh.value('disputesReceived')).toBe('1,204');
    expect(zh.value('mediationSuccessRate')).toBe('83.0%');
    expect(zh.value('unionsWithCongressThisYear')).toBe('57');
    expect(panel('en').section?.querySelector('h2')?.textContent).toBe('Rights protection');
  });

  it('writes the amount recovered in yuan from its fen', () => {
    expect(panel('zh-CN').value('amountRecoveredFen')).toBe('¥1,234,567.89');
    expect(panel('en').value('amountRecoveredFen')).toBe('CN¥1,234,567.89');
    expect(panel('zh-CN', { ...rights, amountRecoveredFen: 5 }).value('amountRecoveredFen')).toBe(
      '¥0.05',
    );
  });

  it('labels each card in both languages with its definition on hover', () => {
    const zh = panel('zh-CN');
    expect(zh.text('disputesAgreed')).toContain('调解成功');
    expect(zh.tip('mediationSuccessRate')).toContain('调解成功 ÷（调解成功 + 调解不成）');
    expect(zh.tip('disputesOverdue')).toContain('15日');
    expect(zh.tip('proposalsAnswered')).toContain('来源');
    const en = panel('en');
    expect(en.text('unionsWithCongressThisYear')).toContain('Unions with a congress this year');
    expect(en.tip('amountRecoveredFen')).toContain('in yuan');
    expect(en.tip('disputesFailed')).toContain('referred to arbitration');
  });

  it('shows a success rate without ended disputes as a dash, and says why', () => {
    const zh = panel('zh-CN', { ...rights, mediationSuccessRate: null });
    expect(zh.value('mediationSuccessRate')).toBe('—');
    expect(zh.tip('mediationSuccessRate')).toContain('无分母');
  });

  it('leaves out a figure the summary does not carry, and the panel when it carries none', () => {
    const { proposalsAnswered: _left, ...fewer } = rights;
    expect(panel('zh-CN', fewer).figures).toEqual(Object.keys(fewer));
    const none = panel('zh-CN', {});
    expect(none.section).toBeNull();
    expect(none.value('members')).toBe('8,534');
  });
});
