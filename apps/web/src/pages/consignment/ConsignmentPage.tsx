import { Button, Card, Descriptions, Empty, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { caseStatusLabel } from '../../i18n/labels';
import { label } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';
import { Panel } from '../Panel';
import { useAuditExport, useActorName, useCase } from '../case/queries';
import { ApiErrorAlert } from '../shared-error';
import { LabelSheet, ListSheet } from './ConsignmentPrint';
import { consignmentOf, useDocuments, type ReportLine, type Sale } from './consignment-data';

type Doc = Schemas['Document'];
type Terms = {
  commissionBp: number;
  reportPeriod: string;
  settlementPeriod: string;
  durationMonths: number;
};

const ms = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : (v as string));

/**
 * One consignment (DX, 002 ch.12; K01–K04): the consignor and the contract terms, the
 * 委托代销清单 with every item's code (K02) — printable, and its labels (one per unit) too —
 * the sales recorded by code, the period reports (K04), the settlements with finance and the
 * return receipt. The open tasks link to their forms, except for auditors (read-only).
 */
export function ConsignmentPage() {
  const { caseNumber = '' } = useParams();
  const { t, lang, readOnly } = useApp();
  const view = useCase(caseNumber);
  const docs = useDocuments(caseNumber);
  const audit = useAuditExport(caseNumber);
  const who = useActorName(caseNumber);
  const [sheet, setSheet] = useState<'list' | 'labels'>();
  const failed = view.error ?? docs.error ?? audit.error;
  if (failed) return <ApiErrorAlert error={failed} testId="consignment-error" />;
  if (view.isLoading || docs.isLoading || audit.isLoading) return <Spin />;
  const c = view.data!;
  const x = consignmentOf(docs.data ?? [], audit.data?.events ?? []);
  const terms = x.contract?.content.terms as Terms | undefined;
  const state = c.live?.state as { period?: number; periodsTotal?: number } | undefined;
  const open = c.tasks.filter((task) => task.status === 'open' || task.status === 'claimed');
  const print = (which: 'list' | 'labels') => {
    setSheet(which);
    setTimeout(() => window.print(), 50);
  };
  return (
    <Card
      data-testid="consignment-page"
      title={`${t('consignments')} ${caseNumber}`}
      extra={<Link to={`/cases/${caseNumber}`}>{t('caseDetails')}</Link>}
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} className="no-print">
          <Descriptions.Item label={t('consignor')}>
            {c.customer.name} {c.customer.phone ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <span data-testid="consignment-status">
              {caseStatusLabel(lang, 'consignment', c.status)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('stage')}>{label(lang, c.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('commission')}>
            {terms ? `${(terms.commissionBp / 100).toFixed(2)}%` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('reportPeriod')}>
            {terms ? label(lang, terms.reportPeriod) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settlementPeriod')}>
            {terms ? label(lang, terms.settlementPeriod) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('durationMonths')}>
            {terms?.durationMonths ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('currentPeriod')}>
            {state?.period ? `${state.period} / ${state.periodsTotal ?? '—'}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('signature')}>
            {x.contract ? label(lang, x.contract.status) : '—'}
            {x.contract?.content.signatureDueAt && !x.contract.content.signedAt
              ? ` · ${t('signatureDue')} ${fmt(x.contract.content.signatureDueAt as string)}`
              : ''}
            {x.contract?.content.signatory
              ? ` · ${t('signedBy')} ${String(x.contract.content.signatory)}`
              : ''}
          </Descriptions.Item>
        </Descriptions>

        {open.length > 0 && (
          <Panel title={t('openTasks')} testId="consignment-tasks" style={{ marginBottom: 0 }}>
            <Space wrap>
              {open.map((task) =>
                readOnly ? (
                  <Tag key={task.taskId}>{label(lang, task.type)}</Tag>
                ) : (
                  <Link key={task.taskId} to={`/tasks/${task.taskId}`}>
                    {label(lang, task.type)} · {t('workTask')}
                  </Link>
                ),
              )}
            </Space>
          </Panel>
        )}

        <div className="no-print">
          <Panel
            title={`${t('consignmentList')} ${x.list?.docNumber ?? ''}`}
            testId="consignment-list-panel"
            extra={
              <Space>
                <Button
                  onClick={() => setSheet(sheet === 'list' ? undefined : 'list')}
                  data-testid="print-view-list"
                >
                  {sheet === 'list' ? t('hidePrint') : t('printView')}
                </Button>
                <Button onClick={() => print('list')}>{t('printList')}</Button>
                <Button
                  onClick={() => setSheet(sheet === 'labels' ? undefined : 'labels')}
                  data-testid="print-view-labels"
                >
                  {sheet === 'labels' ? t('hidePrint') : t('labelsFor')}
                </Button>
                <Button onClick={() => print('labels')}>{t('printLabels')}</Button>
              </Space>
            }
          >
            <Table
              data-testid="consignment-items"
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={x.items}
              onRow={(i) => ({ 'data-code': i.code }) as object}
              columns={[
                { title: t('itemCode'), dataIndex: 'code', render: (s: string) => <b>{s}</b> },
                { title: t('item'), dataIndex: 'item' },
                { title: t('quantity'), dataIndex: 'quantity' },
                { title: t('unitPrice'), dataIndex: 'priceFen', render: yuan },
                { title: t('sold'), dataIndex: 'sold' },
                { title: t('stockLeft'), dataIndex: 'stockLeft' },
              ]}
            />
          </Panel>
        </div>

        <div className="no-print">
          <Panel title={t('salesRecorded')} testId="consignment-sales">
            <Table<Sale>
              rowKey="saleId"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={x.sales}
              locale={{ emptyText: <Empty description={t('noSales')} /> }}
              columns={[
                { title: t('saleId'), dataIndex: 'saleId' },
                { title: t('itemCode'), dataIndex: 'code' },
                { title: t('quantity'), dataIndex: 'quantity' },
                { title: t('soldAt'), dataIndex: 'soldAt', render: (v: number) => fmt(ms(v)) },
                { title: t('recordedBy'), dataIndex: 'by', render: (v: string) => who(v) },
              ]}
            />
          </Panel>
        </div>

        <div className="no-print">
          <Panel title={t('periodReports')} testId="consignment-reports">
            <Table<Doc>
              rowKey="docNumber"
              size="small"
              pagination={false}
              dataSource={x.reports}
              locale={{ emptyText: <Empty description={t('noReports')} /> }}
              expandable={{
                expandedRowRender: (d) => (
                  <Table<ReportLine>
                    rowKey="code"
                    size="small"
                    pagination={false}
                    dataSource={(d.content.lines ?? []) as ReportLine[]}
                    columns={[
                      { title: t('itemCode'), dataIndex: 'code' },
                      { title: t('item'), dataIndex: 'item' },
                      { title: t('sold'), dataIndex: 'soldInPeriod' },
                      { title: t('stockLeft'), dataIndex: 'stockLeft' },
                      { title: t('proceeds'), dataIndex: 'proceedsFen', render: yuan },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: t('docNumber'), dataIndex: 'docNumber' },
                { title: t('periodNo'), render: (_: unknown, d: Doc) => String(d.content.period) },
                { title: t('from'), render: (_: unknown, d: Doc) => fmt(d.content.from as string) },
                { title: t('to'), render: (_: unknown, d: Doc) => fmt(d.content.to as string) },
                {
                  title: t('proceeds'),
                  render: (_: unknown, d: Doc) => yuan(d.content.proceedsFen as number),
                },
                {
                  title: t('stockLeft'),
                  render: (_: unknown, d: Doc) => String(d.content.stockLeft),
                },
                { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
                {
                  title: t('sentAt'),
                  render: (_: unknown, d: Doc) => fmt(d.content.sentAt as string | undefined),
                },
              ]}
            />
          </Panel>
        </div>

        <div className="no-print">
          <Panel title={t('settlements')} testId="consignment-settlements">
            <Table<Doc>
              rowKey="docNumber"
              size="small"
              pagination={false}
              dataSource={x.settlements}
              locale={{ emptyText: <Empty description={t('noSettlements')} /> }}
              columns={[
                { title: t('docNumber'), dataIndex: 'docNumber' },
                {
                  title: t('periodNo'),
                  render: (_: unknown, d: Doc) =>
                    ((d.content.periods ?? []) as number[]).join(', '),
                },
                {
                  title: t('proceeds'),
                  render: (_: unknown, d: Doc) => yuan(d.content.proceedsFen as number),
                },
                {
                  title: t('commission'),
                  render: (_: unknown, d: Doc) => yuan(d.content.commissionFen as number),
                },
                {
                  title: t('net'),
                  render: (_: unknown, d: Doc) => yuan(d.content.netFen as number),
                },
                { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
                {
                  title: t('voucher'),
                  render: (_: unknown, d: Doc) => String(d.content.voucherRef ?? '—'),
                },
                {
                  title: t('settledAt'),
                  render: (_: unknown, d: Doc) => fmt(d.content.settledAt as string | undefined),
                },
              ]}
            />
          </Panel>
        </div>

        {x.receipt && (
          <div className="no-print">
            <Panel
              title={`${t('returnReceipt')} ${x.receipt.docNumber} · ${label(lang, x.receipt.status)}`}
              testId="consignment-receipt"
            >
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={(
                  (x.receipt.content.expected ?? []) as Array<{ code: string; quantity: number }>
                ).map((e) => ({
                  ...e,
                  received:
                    (
                      (x.receipt?.content.received ?? []) as Array<{
                        code: string;
                        quantity: number;
                      }>
                    ).find((r) => r.code === e.code)?.quantity ?? 0,
                }))}
                columns={[
                  { title: t('itemCode'), dataIndex: 'code' },
                  { title: t('expected'), dataIndex: 'quantity' },
                  { title: t('receivedQty'), dataIndex: 'received' },
                ]}
              />
            </Panel>
          </div>
        )}

        {sheet === 'list' && x.list && <ListSheet doc={x.list} items={x.items} who={who} />}
        {sheet === 'labels' && (
          <LabelSheet labels={x.labels} listNumber={x.list?.docNumber ?? caseNumber} />
        )}
      </Space>
    </Card>
  );
}
