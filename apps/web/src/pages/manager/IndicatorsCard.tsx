import { Card, Space, Table, Tag, Typography } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { Schemas } from '../../api/client';
import { percent } from '../../lib/format';
import { useApp } from '../../session';

const KpiChart = lazy(() => import('./KpiCharts'));

type Indicator = Schemas['IndicatorReport'];

const COMPARISON = { at_least: '≥', more_than: '>', at_most: '≤' } as const;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/**
 * X12 (003 §五.1): the indicator catalogue served with the KPI report — each indicator's
 * definition, formula and target, the period's figure, and one indicator's monthly trend drawn
 * against its target line.
 */
export function IndicatorsCard({ indicators }: { indicators: Indicator[] }) {
  const { t } = useApp();
  const [selected, setSelected] = useState(indicators[0]?.id);
  const shown = indicators.find((i) => i.id === selected) ?? indicators[0];
  const categories = useMemo(() => shown?.byMonth.map((p) => p.month) ?? [], [shown]);
  const series = useMemo(
    () =>
      shown
        ? [
            {
              name: shown.name,
              type: 'line' as const,
              data: shown.byMonth.map((p) => pct(p.rate)),
            },
            {
              name: `${t('target')} ${COMPARISON[shown.target.comparison]} ${percent(shown.target.value)}`,
              type: 'line' as const,
              data: shown.byMonth.map(() => pct(shown.target.value)),
            },
          ]
        : [],
    [shown, t],
  );
  return (
    <Card
      size="small"
      title={t('indicators')}
      style={{ marginTop: 16 }}
      data-testid="kpi-indicators"
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={indicators}
        onRow={(i) => ({ onClick: () => setSelected(i.id) })}
        columns={[
          {
            title: t('indicator'),
            render: (_: unknown, i: Indicator) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{i.name}</Typography.Text>
                <Typography.Text type="secondary">{i.basis}</Typography.Text>
              </Space>
            ),
          },
          { title: t('definition'), dataIndex: 'definition' },
          { title: t('formula'), dataIndex: 'formula' },
          {
            title: t('target'),
            render: (_: unknown, i: Indicator) =>
              `${COMPARISON[i.target.comparison]} ${percent(i.target.value)} (${i.target.source})`,
          },
          {
            title: t('rate'),
            render: (_: unknown, i: Indicator) =>
              `${percent(i.total.rate)} (${i.total.numerator}/${i.total.denominator})`,
          },
          {
            title: t('meetsTarget'),
            render: (_: unknown, i: Indicator) =>
              i.total.meetsTarget === null ? (
                '—'
              ) : (
                <Tag color={i.total.meetsTarget ? 'green' : 'red'}>
                  {i.total.meetsTarget ? '✓' : '✗'}
                </Tag>
              ),
          },
        ]}
      />
      {shown && (
        <Suspense fallback={null}>
          <KpiChart
            label={`${shown.name} · ${t('trendByMonth')}`}
            categories={categories}
            series={series}
            percent
            testId="chart-indicator"
          />
        </Suspense>
      )}
    </Card>
  );
}
