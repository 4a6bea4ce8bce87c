import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type Schemas } from '../../api/client';
import { caseStatusLabel } from '../../i18n/labels';
import { errorMessage, label } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';
import { ApiErrorAlert } from '../shared-error';

type Summary = Schemas['MonthlyReviewSummary'];

/**
 * The monthly complaint reviews (YS, 001 §28; M01–M03), newest month first. The schedule opens
 * each on the 1st; the GM office (and admins) may start an ended month by hand here — a control
 * never rendered for auditors (they only read).
 */
export function MonthlyReviewListPage() {
  const { t, lang, user, readOnly } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [month, setMonth] = useState<Dayjs | null>(dayjs().subtract(1, 'month'));
  const list = useQuery({
    queryKey: ['monthly-reviews'],
    queryFn: async () => ok(await api.GET('/monthly-reviews')),
  });
  const start = useMutation({
    mutationFn: async (m: string) => ok(await api.POST('/monthly-reviews', { body: { month: m } })),
    onSuccess: async (r) => {
      void message.success(`${t('reviewStarted')} ${r.caseNumber}`);
      await qc.invalidateQueries({ queryKey: ['monthly-reviews'] });
    },
    onError: (e) =>
      void message.error(
        e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
      ),
  });
  const mayStart =
    !readOnly && !!user && (user.department === 'gm_office' || user.roles.includes('admin'));
  return (
    <Card
      title={t('monthlyReviews')}
      data-testid="monthly-reviews-page"
      extra={
        mayStart && (
          <Space>
            <DatePicker
              picker="month"
              aria-label={t('reviewMonth')}
              value={month}
              onChange={setMonth}
              disabledDate={(d) => !d.isBefore(dayjs().startOf('month'))}
            />
            <Button
              type="primary"
              data-testid="start-review"
              loading={start.isPending}
              disabled={!month}
              onClick={() => month && start.mutate(month.format('YYYY-MM'))}
            >
              {t('startReview')}
            </Button>
          </Space>
        )
      }
    >
      {list.error ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <Table<Summary>
          data-testid="monthly-review-list"
          rowKey="caseNumber"
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('noReviews')} /> }}
          onRow={(r) => ({ 'data-month': r.month }) as object}
          columns={[
            {
              title: t('reviewMonth'),
              dataIndex: 'month',
              render: (m: string) => <Link to={`/monthly-reviews/${m}`}>{m}</Link>,
            },
            { title: t('caseNumber'), dataIndex: 'caseNumber' },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: string) => caseStatusLabel(lang, 'review', s),
            },
            { title: t('stage'), dataIndex: 'stage', render: (s: string) => label(lang, s) },
            {
              title: t('reviewDue'),
              dataIndex: 'dueAt',
              render: (d: string | null, r: Summary) => (
                <span>
                  {fmt(d)} {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                </span>
              ),
            },
            {
              title: t('complaintsReviewed'),
              render: (_: unknown, r: Summary) => r.sourceComplaints.length,
            },
            { title: t('totalDeduction'), dataIndex: 'totalDeductionFen', render: yuan },
            { title: t('approvedDeduction'), dataIndex: 'approvedDeductionFen', render: yuan },
            {
              title: t('openedBy'),
              dataIndex: 'openedBy',
              render: (s: string) => (s === 'system' ? t('openedBySchedule') : s),
            },
            { title: t('closedAt'), dataIndex: 'closedAt', render: fmt },
          ]}
        />
      )}
    </Card>
  );
}
