import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Spin, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Suspense, lazy, useMemo, useState } from 'react';
import { ApiError, api, ok, type Schemas } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { percent } from '../../lib/format';
import { downloadXlsx, sheet } from '../../lib/xlsx';
import { useApp } from '../../session';
import type { Series } from './KpiCharts';
import { IndicatorsCard } from './IndicatorsCard';

// ECharts is its own chunk, loaded when the dashboard draws its first chart.
const KpiChart = lazy(() => import('./KpiCharts'));

type Kpi = Schemas['KpiReport'];
interface Month {
  month: string;
  from: string;
  to: string;
}

/** The calendar months the period touches, each cut to the period. */
export function monthsOf(from: Dayjs, to: Dayjs): Month[] {
  const out: Month[] = [];
  for (let m = from.startOf('month'); !m.isAfter(to, 'day'); m = m.add(1, 'month')) {
    const a = m.isBefore(from, 'day') ? from : m;
    const b = m.endOf('month').isAfter(to, 'day') ? to : m.endOf('month');
    out.push({
      month: m.format('YYYY-MM'),
      from: a.format('YYYY-MM-DD'),
      to: b.format('YYYY-MM-DD'),
    });
  }
  return out;
}

const kpis = async (from: string, to: string): Promise<Kpi> =>
  ok(await api.GET('/reports/kpis', { params: { query: { from, to } } }));

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/**
 * Managers' KPI dashboard for a chosen period (GET /reports/kpis): the period's figures and each
 * one's trend by month (one report per month of the period), charts and tables, XLSX export.
 */
export function KpiPage() {
  const { t, lang } = useApp();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(5, 'month').startOf('month'),
    dayjs(),
  ]);
  const months = useMemo(() => monthsOf(period[0], period[1]), [period]);
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const total = useQuery({ queryKey: ['kpis', from, to], queryFn: () => kpis(from, to) });
  const trend = useQuery({
    queryKey: ['kpis', 'months', from, to],
    queryFn: async () =>
      Promise.all(months.map(async (m) => ({ ...m, report: await kpis(m.from, m.to) }))),
  });
  const rows = trend.data ?? [];
  const categories = useMemo(() => rows.map((r) => r.month), [rows]);
  const rateSeries = useMemo<Series[]>(
    () => [
      {
        name: t('resolutionRate'),
        type: 'line',
        data: rows.map((r) => pct(r.report.complaintResolution.rate)),
      },
      {
        name: t('onTimeRate'),
        type: 'line',
        data: rows.map((r) => pct(r.report.onTimeClosing.rate)),
      },
    ],
    [rows, t],
  );
  const responseSeries = useMemo<Series[]>(
    () => [
      {
        name: t('firstResponse'),
        type: 'bar',
        data: rows.map((r) => r.report.firstResponse.meanHours),
      },
    ],
    [rows, t],
  );
  const overdueSeries = useMemo<Series[]>(() => {
    const depts = [
      ...new Set(
        rows.flatMap((r) => r.report.overdue.byDepartment.map((d) => d.department ?? '—')),
      ),
    ];
    return depts.map((d) => ({
      name: label(lang, d),
      type: 'bar' as const,
      data: rows.map(
        (r) =>
          r.report.overdue.byDepartment.find((x) => (x.department ?? '—') === d)
            ?.openOverdueTasks ?? 0,
      ),
    }));
  }, [rows, lang]);
  const error = total.error ?? trend.error;
  const k = total.data;
  const exportXlsx = () =>
    void downloadXlsx(`kpis-${from}-${to}.xlsx`, [
      sheet({
        name: t('trendByMonth'),
        rows,
        columns: [
          { header: t('month'), value: (r) => r.month },
          { header: t('from'), value: (r) => r.from },
          { header: t('to'), value: (r) => r.to },
          {
            header: `${t('resolutionRate')} ${t('numerator')}`,
            value: (r) => r.report.complaintResolution.numerator,
          },
          {
            header: `${t('resolutionRate')} ${t('denominator')}`,
            value: (r) => r.report.complaintResolution.denominator,
          },
          { header: t('resolutionRate'), value: (r) => r.report.complaintResolution.rate },
          {
            header: `${t('onTimeRate')} ${t('numerator')}`,
            value: (r) => r.report.onTimeClosing.numerator,
          },
          {
            header: `${t('onTimeRate')} ${t('denominator')}`,
            value: (r) => r.report.onTimeClosing.denominator,
          },
          { header: t('onTimeRate'), value: (r) => r.report.onTimeClosing.rate },
          { header: t('openOverdueTasks'), value: (r) => r.report.overdue.openOverdueTasks },
          { header: t('firstResponse'), value: (r) => r.report.firstResponse.meanHours },
          { header: t('responded'), value: (r) => r.report.firstResponse.responded },
          { header: t('pending'), value: (r) => r.report.firstResponse.pending },
        ],
      }),
      sheet({
        name: t('overdueByDept'),
        rows: k?.overdue.byDepartment ?? [],
        columns: [
          { header: t('department'), value: (d) => label(lang, d.department ?? '—') },
          { header: t('openOverdueTasks'), value: (d) => d.openOverdueTasks },
        ],
      }),
    ]);
  return (
    <Card
      title={t('kpis')}
      data-testid="kpi-page"
      extra={
        <Space>
          <DatePicker.RangePicker
            picker="month"
            value={period}
            allowClear={false}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              const end = v[1].endOf('month');
              setPeriod([v[0].startOf('month'), end.isAfter(dayjs()) ? dayjs() : end]);
            }}
          />
          <Button onClick={exportXlsx} disabled={!trend.data} data-testid="kpi-export-xlsx">
            {t('exportXlsx')}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          message={
            error instanceof ApiError
              ? errorMessage(lang, error.body.code, error.message)
              : t('error')
          }
        />
      )}
      {k && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="kpi-totals">
          <Col span={6}>
            <Statistic
              title={t('resolutionRate')}
              value={percent(k.complaintResolution.rate)}
              suffix={`${k.complaintResolution.numerator}/${k.complaintResolution.denominator}`}
            />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('onTimeRate')}
              value={percent(k.onTimeClosing.rate)}
              suffix={`${k.onTimeClosing.numerator}/${k.onTimeClosing.denominator}`}
            />
          </Col>
          <Col span={6}>
            <Statistic title={t('openOverdueTasks')} value={k.overdue.openOverdueTasks} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('firstResponse')}
              value={
                k.firstResponse.meanHours === null ? '—' : k.firstResponse.meanHours.toFixed(1)
              }
            />
          </Col>
        </Row>
      )}
      {trend.isLoading ? (
        <Spin />
      ) : (
        <Suspense fallback={<Spin />}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={`${t('resolutionRate')} / ${t('onTimeRate')} · ${t('trendByMonth')}`}
              >
                <KpiChart
                  label={`${t('resolutionRate')} / ${t('onTimeRate')} · ${t('trendByMonth')}`}
                  categories={categories}
                  series={rateSeries}
                  percent
                  testId="chart-rates"
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${t('firstResponse')} · ${t('trendByMonth')}`}>
                <KpiChart
                  label={`${t('firstResponse')} · ${t('trendByMonth')}`}
                  categories={categories}
                  series={responseSeries}
                  testId="chart-first-response"
                />
              </Card>
            </Col>
            <Col xs={24} style={{ marginTop: 16 }}>
              <Card size="small" title={`${t('overdueByDept')} · ${t('trendByMonth')}`}>
                <KpiChart
                  label={`${t('overdueByDept')} · ${t('trendByMonth')}`}
                  categories={categories}
                  series={overdueSeries}
                  testId="chart-overdue"
                />
              </Card>
            </Col>
          </Row>
        </Suspense>
      )}
      {k && <IndicatorsCard indicators={k.indicators} />}
      <Table
        style={{ marginTop: 16 }}
        data-testid="kpi-table"
        rowKey="month"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('month'), dataIndex: 'month' },
          {
            title: t('resolutionRate'),
            render: (_: unknown, r: (typeof rows)[number]) =>
              `${percent(r.report.complaintResolution.rate)} (${r.report.complaintResolution.numerator}/${r.report.complaintResolution.denominator})`,
          },
          {
            title: t('onTimeRate'),
            render: (_: unknown, r: (typeof rows)[number]) =>
              `${percent(r.report.onTimeClosing.rate)} (${r.report.onTimeClosing.numerator}/${r.report.onTimeClosing.denominator})`,
          },
          {
            title: t('openOverdueTasks'),
            render: (_: unknown, r: (typeof rows)[number]) => r.report.overdue.openOverdueTasks,
          },
          {
            title: t('firstResponse'),
            render: (_: unknown, r: (typeof rows)[number]) =>
              r.report.firstResponse.meanHours === null
                ? '—'
                : r.report.firstResponse.meanHours.toFixed(1),
          },
        ]}
      />
    </Card>
  );
}
