import type { SeriesPoint } from '../api/reports';
import type { FigureKey } from '../figures/figures';
import { FIGURES } from '../figures/figures';
import type { I18n } from '../i18n/i18n';

const COUNT_LINES: readonly FigureKey[] = ['members', 'unions', 'termsExpired'];
const RATE_LINES: readonly FigureKey[] = ['unionisationRate', 'membershipRateOfUnionised'];

/** "2026-03" months from `from` to `to` as the series endpoint takes them. */
export const monthsBefore = (month: string, count: number): string => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) - count;

  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * The ECharts option of the trend lines: counts on the left axis, rates (as percentages) on the
 * right, labels and numbers in the current language. Pure, so it is tested without a canvas.
 */
export const seriesOption = (points: readonly SeriesPoint[], i18n: I18n) => {
  const line = (key: FigureKey, yAxisIndex: number) => ({
    type: 'line' as const,
    name: i18n.pick(FIGURES[key].label),
    yAxisIndex,
    connectNulls: false,
    data: points.map((point) => point.figures[key] ?? null),
  });

  return {
    animation: false,
    tooltip: {
      trigger: 'axis' as const,
      valueFormatter: (value: unknown) =>
        typeof value === 'number'
          ? value <= 1 && !Number.isInteger(value)
            ? i18n.rate(value)
            : i18n.count(value)
          : '—',
    },
    legend: { top: 0, type: 'scroll' as const },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: points.map((point) => point.period) },
    yAxis: [
      {
        type: 'value' as const,
        axisLabel: { formatter: (value: number) => i18n.compact(value) },
      },
      {
        type: 'value' as const,
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (value: number) => i18n.rate(value) },
      },
    ],
    series: [...COUNT_LINES.map((key) => line(key, 0)), ...RATE_LINES.map((key) => line(key, 1))],
  };
};
