import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface Series {
  name: string;
  type: 'line' | 'bar';
  data: Array<number | null>;
}

/** One ECharts chart (canvas), sized to its box; only the parts used are bundled (echarts/core). */
export default function KpiChart({
  categories,
  series,
  percent,
  testId,
  label,
}: {
  /** The chart's accessible name (a canvas says nothing; the KPI table below has the figures). */
  label: string;
  categories: string[];
  series: Series[];
  percent?: boolean;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: percent
        ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
        : { type: 'value' },
      series: series.map((s) => ({ ...s, connectNulls: true })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, percent]);
  return (
    <div
      ref={box}
      data-testid={testId}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 260 }}
    />
  );
}
