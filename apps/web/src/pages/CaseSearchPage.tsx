import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { errorMessage, label } from '../i18n/messages';
import { saveBlob, saveJson } from '../lib/download';
import { fmt } from '../lib/format';
import { downloadXlsx, sheet, type SheetColumn } from '../lib/xlsx';
import { useApp } from '../session';

type Item = Schemas['CaseListItem'];
type Query = NonNullable<paths['/cases']['get']['parameters']['query']>;
interface Filters {
  caseNumber?: string;
  customer?: string;
  orderNumber?: string;
  status?: string;
  overdue?: 'true' | 'false';
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** The complaint's statuses (the read model's `status`), in their order. */
const STATUSES = [
  'awaiting_registration',
  'investigating',
  'report_review',
  'proposing',
  'awaiting_approval',
  'awaiting_customer',
  'executing',
  'ready_to_close',
  'closed',
];
const PAGE = 50;

const toQuery = (f: Filters, offset: number, limit = PAGE): Query => ({
  ...(f.caseNumber?.trim() ? { caseNumber: f.caseNumber.trim() } : {}),
  ...(f.customer?.trim() ? { customer: f.customer.trim() } : {}),
  ...(f.orderNumber?.trim() ? { orderNumber: f.orderNumber.trim() } : {}),
  ...(f.status ? { status: f.status } : {}),
  ...(f.overdue ? { overdue: f.overdue } : {}),
  ...(f.period?.[0] ? { from: f.period[0].format('YYYY-MM-DD') } : {}),
  ...(f.period?.[1] ? { to: f.period[1].format('YYYY-MM-DD') } : {}),
  limit,
  offset,
});

/**
 * Case search (auditors first; everyone sees the cases they may read): number, customer, order,
 * status, overdue and the period opened in; exports of the matching list as XLSX, CSV, JSON.
 */
export function CaseSearchPage() {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['cases', filters, page],
    queryFn: async () =>
      ok(await api.GET('/cases', { params: { query: toQuery(filters, (page - 1) * PAGE) } })),
  });
  const columns: Array<SheetColumn<Item>> = [
    { header: t('caseNumber'), value: (c) => c.caseNumber, width: 18 },
    { header: t('caseType'), value: (c) => label(lang, c.type) },
    { header: t('status'), value: (c) => label(lang, c.status) },
    { header: t('stage'), value: (c) => label(lang, c.stage) },
    {
      header: t('customer'),
      value: (c) => `${c.customer.name} ${c.customer.phone ?? ''}`.trim(),
      width: 24,
    },
    { header: t('orderNumber'), value: (c) => c.orderNumber, width: 20 },
    { header: t('overdue'), value: (c) => (c.overdue ? t('yes') : t('no')) },
    { header: t('openedAt'), value: (c) => fmt(c.openedAt), width: 18 },
    { header: t('closingDue'), value: (c) => fmt(c.closingDueAt), width: 18 },
    { header: t('closedAt'), value: (c) => fmt(c.closedAt), width: 18 },
  ];
  /** Every matching case (pages of 200), for the exports. */
  const all = async (): Promise<Item[]> => {
    const out: Item[] = [];
    for (let offset = 0; ; offset += 200) {
      const r = ok(await api.GET('/cases', { params: { query: toQuery(filters, offset, 200) } }));
      out.push(...r.items);
      // a full page means there may be more (past a capped total too)
      if (r.items.length < 200) return out;
    }
  };
  const exporting = async (kind: 'xlsx' | 'csv' | 'json') => {
    try {
      const rows = await all();
      const name = `cases-${new Date().toISOString().slice(0, 10)}`;
      if (kind === 'xlsx')
        await downloadXlsx(`${name}.xlsx`, [sheet({ name: t('caseSearch'), columns, rows })]);
      else if (kind === 'json') saveJson(rows, `${name}.json`);
      else {
        const esc = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
        const text = [
          columns.map((c) => esc(c.header)).join(','),
          ...rows.map((r) => columns.map((c) => esc(c.value(r))).join(',')),
        ].join('\r\n');
        saveBlob(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
      }
    } catch (e) {
      void message.error(
        e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
      );
    }
  };
  return (
    <Card title={t('caseSearch')} data-testid="case-search">
      <Form<Filters>
        form={form}
        layout="inline"
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="caseNumber" label={t('caseNumber')}>
          <Input allowClear placeholder="KS202611" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="customer" label={t('customer')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="orderNumber" label={t('orderNumber')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select
            allowClear
            placeholder={t('any')}
            style={{ width: 140 }}
            options={STATUSES.map((s) => ({ value: s, label: label(lang, s) }))}
          />
        </Form.Item>
        <Form.Item name="overdue" label={t('overdue')}>
          <Select
            allowClear
            placeholder={t('any')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: t('yes') },
              { value: 'false', label: t('no') },
            ]}
          />
        </Form.Item>
        <Form.Item name="period" label={t('period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="search">
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
              setPage(1);
            }}
          >
            {t('reset')}
          </Button>
        </Space>
      </Form>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void exporting('xlsx')} data-testid="cases-export-xlsx">
          {t('exportXlsx')}
        </Button>
        <Button onClick={() => void exporting('csv')} data-testid="cases-export-csv">
          {t('exportCsv')}
        </Button>
        <Button onClick={() => void exporting('json')}>{t('exportJson')}</Button>
      </Space>
      {list.error ? (
        <Tag color="red">
          {list.error instanceof ApiError
            ? errorMessage(lang, list.error.body.code, list.error.message)
            : t('error')}
        </Tag>
      ) : (
        <Table<Item>
          data-testid="case-list"
          rowKey="caseNumber"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('noCases')} /> }}
          onRow={(c) => ({ 'data-case-number': c.caseNumber }) as object}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            // the API counts up to 1,000 (totalCapped): more are there, narrow the search
            showTotal: (n) => `${t('total')} ${n}${list.data?.totalCapped ? '+' : ''}`,
          }}
          columns={[
            {
              title: t('caseNumber'),
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
            },
            { title: t('caseType'), dataIndex: 'type', render: (s: string) => label(lang, s) },
            { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
            { title: t('stage'), dataIndex: 'stage', render: (s: string) => label(lang, s) },
            {
              title: t('customer'),
              render: (_: unknown, c: Item) => `${c.customer.name} ${c.customer.phone ?? ''}`,
            },
            { title: t('orderNumber'), dataIndex: 'orderNumber' },
            {
              title: t('overdue'),
              dataIndex: 'overdue',
              render: (o: boolean) => (o ? <Tag color="red">{t('overdue')}</Tag> : null),
            },
            { title: t('openedAt'), dataIndex: 'openedAt', render: fmt },
            { title: t('closingDue'), dataIndex: 'closingDueAt', render: fmt },
            { title: t('closedAt'), dataIndex: 'closedAt', render: fmt },
          ]}
        />
      )}
    </Card>
  );
}
