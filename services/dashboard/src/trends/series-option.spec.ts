import { describe, expect, it } from 'vitest';

import { formatsOf } from '../i18n/format';
import type { I18n } from '../i18n/i18n';
import { summaryOf } from '../testing/summaries';
import { monthsBefore, seriesOption } from './series-option';

const i18n = (lang: 'zh-CN' | 'en'): I18n => ({
  ...formatsOf(lang),
  lang,
  t: (key) => key,
  pick: (text) => text[lang],
  toggle: () => undefined,
});

describe('the trend lines', () => {
  const points = [
    { period: '2025-11', asOf: '2025-11-30', figures: summaryOf({ members: 100 }) },
    {
      period: '2025-12',
      asOf: '2025-12-31',
      figures: summaryOf({ members: 120, unionisationRate: null }),
    },
  ];

  it('draw counts on the left axis and rates on the right, named in the language shown', () => {
    const option = seriesOption(points, i18n('zh-CN'));
    expect(option.xAxis.data).toEqual(['2025-11', '2025-12']);
    const members = option.series.find((line) => line.name === '会员数')!;
    expect(members).toMatchObject({ yAxisIndex: 0, data: [100, 120] });
    const rate = option.series.find((line) => line.name === '建会率')!;
    expect(rate).toMatchObject({ yAxisIndex: 1, data: [0.75, null] });
    expect(seriesOption(points, i18n('en')).series.map((line) => line.name)).toContain(
      'Unionisation rate',
    );
  });

  it('write axis numbers in the language shown', () => {
    const [counts, rates] = seriesOption(points, i18n('zh-CN')).yAxis;
    expect(counts!.axisLabel.formatter(12_000)).toBe('1.2万');
    expect(rates!.axisLabel.formatter(0.5)).toBe('50.0%');
    expect(seriesOption(points, i18n('en')).yAxis[0]!.axisLabel.formatter(12_000)).toBe('12K');
  });

  it('count months back across a year', () => {
    expect(monthsBefore('2026-03', 11)).toBe('2025-04');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBefore('2026-12', 0)).toBe('2026-12');
  });
});
