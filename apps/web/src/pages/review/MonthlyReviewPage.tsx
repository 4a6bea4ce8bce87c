import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ok, type Schemas } from '../../api/client';
import { caseStatusLabel } from '../../i18n/labels';
import { label } from '../../i18n/messages';
import { fmt, percent, yuan } from '../../lib/format';
import { useApp } from '../../session';
import { Panel } from '../Panel';
import { ApiErrorAlert } from '../shared-error';
import { ReviewDocumentSheet, type PenaltyLine } from './ReviewDocumentSheet';

type Doc = Schemas['Document'];
type Rating = Schemas['StaffRating'];
interface Reviewed {
  caseNumber: string;
  closedAt: string;
  cause: string | null;
  responsibleUnit: string;
  penalties: Array<{ personId: string; kind: string; amountFen: number }>;
}

/**
 * One month's review (001 §28): the month's closed complaints with their approved penalties
 * (from the review's ReviewOpened event in its trail, or — for a reader who may not read the
 * trail — the documents' lines), the 人事公布单 and 奖罚通知单 (printable), and the staff ratings
 * of the month's follow-up surveys (001 §15, M04).
 */
export function MonthlyReviewPage() {
  const { month = '' } = useParams();
  const { t, lang, readOnly } = useApp();
  const [sheet, setSheet] = useState<string>();
  const review = useQuery({
    queryKey: ['monthly-reviews', month],
    queryFn: async () =>
      ok(await api.GET('/monthly-reviews/{month}', { params: { path: { month } } })),
  });
  const caseNumber = review.data?.caseNumber ?? '';
  // The review's trail (its ReviewOpened event lists the complaints); the same cache entry as
  // the case page's audit tab. HR and the GM may not read it: the documents' lines stand in.
  const audit = useQuery({
    queryKey: ['case', caseNumber, 'audit-export'],
    enabled: caseNumber !== '',
    retry: false,
    queryFn: async () =>
      ok(
        await api.GET('/cases/{caseNumber}/audit/export', {
          params: { path: { caseNumber }, query: { format: 'json' } },
        }),
      ) as Schemas['AuditExport'],
  });
  if (review.error) return <ApiErrorAlert error={review.error} testId="review-error" />;
  if (review.isLoading) return <Spin />;
  const r = review.data!;
  const opened = audit.data?.events.find((e) => e.action === 'review.ReviewOpened');
  const complaints: Reviewed[] = opened
    ? ((opened.data.complaints ?? []) as Reviewed[])
    : fromLines(r.documents);
  const open = (r.status !== 'closed' && !readOnly) || undefined;
  const shown = r.documents.find((d) => d.docNumber === sheet);
  return (
    <Card
      data-testid="monthly-review-page"
      title={`${t('monthlyReviews')} ${r.month}`}
      extra={open && <Link to={`/cases/${r.caseNumber}?tab=tasks`}>{t('tasks')}</Link>}
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} className="no-print">
          <Descriptions.Item label={t('caseNumber')}>
            <Link to={`/cases/${r.caseNumber}`}>{r.caseNumber}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            {caseStatusLabel(lang, 'review', r.status)}
          </Descriptions.Item>
          <Descriptions.Item label={t('stage')}>{label(lang, r.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('reviewDue')}>
            {fmt(r.dueAt)} {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviewedOnTime')}>
            {r.reviewedOnTime === null ? '—' : r.reviewedOnTime ? t('yes') : t('no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('openedBy')}>
            {r.openedBy === 'system' ? t('openedBySchedule') : r.openedBy} · {fmt(r.openedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('totalDeduction')}>
            {yuan(r.totalDeductionFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('approvedDeduction')}>
            {yuan(r.approvedDeductionFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('closedAt')}>{fmt(r.closedAt)}</Descriptions.Item>
        </Descriptions>

        <div className="no-print">
          <Panel title={t('closedComplaints')} testId="review-complaints">
            <Table<Reviewed>
              rowKey="caseNumber"
              size="small"
              pagination={false}
              dataSource={complaints}
              locale={{ emptyText: <Empty description={t('noComplaints')} /> }}
              columns={[
                {
                  title: t('caseNumber'),
                  dataIndex: 'caseNumber',
                  render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
                },
                { title: t('closedAt'), dataIndex: 'closedAt', render: fmt },
                {
                  title: t('cause'),
                  dataIndex: 'cause',
                  render: (c: string | null) => (c ? label(lang, c) : '—'),
                },
                { title: t('responsibleUnit'), dataIndex: 'responsibleUnit' },
                {
                  title: t('penalty'),
                  render: (_: unknown, c: Reviewed) =>
                    c.penalties.length
                      ? c.penalties.map((p, i) => (
                          <div key={i}>
                            {p.personId} · {label(lang, p.kind)}
                            {p.amountFen ? ` · ${yuan(p.amountFen)}` : ''}
                          </div>
                        ))
                      : '—',
                },
              ]}
            />
          </Panel>
        </div>

        <div className="no-print">
          <Panel title={t('reviewDocuments')} testId="review-documents">
            <Table<Doc>
              rowKey="docNumber"
              size="small"
              pagination={false}
              dataSource={r.documents}
              locale={{ emptyText: <Empty description={t('noDocuments')} /> }}
              columns={[
                {
                  title: t('docType'),
                  dataIndex: 'docType',
                  render: (s: string) => label(lang, s),
                },
                { title: t('docNumber'), dataIndex: 'docNumber' },
                { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
                {
                  title: t('amount'),
                  render: (_: unknown, d: Doc) =>
                    typeof d.content.totalFen === 'number' ? yuan(d.content.totalFen) : '—',
                },
                { title: t('time'), dataIndex: 'updatedAt', render: fmt },
                {
                  title: t('printView'),
                  render: (_: unknown, d: Doc) => (
                    <Space>
                      <Button
                        size="small"
                        data-testid={`print-view-${d.docNumber}`}
                        onClick={() => setSheet(sheet === d.docNumber ? undefined : d.docNumber)}
                      >
                        {t('printView')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => {
                          setSheet(d.docNumber);
                          setTimeout(() => window.print(), 50);
                        }}
                      >
                        {t('print')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Panel>
        </div>

        <div className="no-print">
          <Panel title={t('staffRatings')} testId="review-ratings">
            <p style={{ fontSize: 12 }}>{r.appraisal.basis}</p>
            <Table<Rating>
              rowKey="staffId"
              size="small"
              pagination={false}
              dataSource={r.appraisal.staffRatings}
              locale={{ emptyText: <Empty description={t('noRatings')} /> }}
              columns={[
                { title: t('staff'), dataIndex: 'staffId' },
                { title: t('calls'), dataIndex: 'calls' },
                { title: t('scoreRate'), dataIndex: 'scoreRate', render: percent },
                {
                  title: t('ratingItems'),
                  render: (_: unknown, s: Rating) =>
                    Object.entries(s.items).map(([item, grades]) => (
                      <div key={item}>
                        {label(lang, item)}:{' '}
                        {Object.entries(grades)
                          .map(([g, n]) => `${label(lang, g)} ×${n}`)
                          .join(', ')}
                      </div>
                    )),
                },
              ]}
            />
          </Panel>
        </div>

        {shown && <ReviewDocumentSheet doc={shown} />}
      </Space>
    </Card>
  );
}

/** The reviewed complaints as the documents' penalty lines tell them (no trail to read). */
function fromLines(docs: readonly Doc[]): Reviewed[] {
  const byCase = new Map<string, Reviewed>();
  for (const d of docs)
    for (const l of (d.content.lines ?? []) as PenaltyLine[]) {
      const c = byCase.get(l.complaintNumber) ?? {
        caseNumber: l.complaintNumber,
        closedAt: '',
        cause: l.cause,
        responsibleUnit: l.responsibleUnit,
        penalties: [],
      };
      if (!c.penalties.some((p) => p.personId === l.personId && p.kind === l.kind))
        c.penalties.push({ personId: l.personId, kind: l.kind, amountFen: l.amountFen });
      byCase.set(l.complaintNumber, c);
    }
  return [...byCase.values()];
}
