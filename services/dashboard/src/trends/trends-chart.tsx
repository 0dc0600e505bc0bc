import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

import type { SeriesPoint } from '../api/reports';
import { useI18n } from '../i18n/i18n';
import { seriesOption } from './series-option';

// Only what a line chart needs: the whole of ECharts would triple the JavaScript of the page.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The trend lines; loaded apart from the first view (see README, the JavaScript budget). */
const TrendsChart = ({ points }: { points: readonly SeriesPoint[] }) => {
  const i18n = useI18n();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(seriesOption(points, i18n));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);

    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, i18n]);

  return <div className="chart" ref={element} />;
};

export default TrendsChart;
