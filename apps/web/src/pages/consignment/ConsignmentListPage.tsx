import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ok, type Schemas } from '../../api/client';
import { caseStatusLabel } from '../../i18n/labels';
import { label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { ApiErrorAlert } from '../shared-error';

type Item = Schemas['CaseListItem'];
const PAGE = 50;

/**
 * The consignments (DX, 002 ch.12) the user may read, newest first: the case search narrowed to
 * the DX prefix, so no list route of its own. Sales opens a new one from the 立案 page (its form
 * comes from GET /case-types like every case type's); auditors get no such button.
 */
export function ConsignmentListPage() {
  const { t, lang, user, readOnly } = useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['cases', 'consignments', page],
    queryFn: async () =>
      ok(
        await api.GET('/cases', {
          params: { query: { caseNumber: 'DX', limit: PAGE, offset: (page - 1) * PAGE } },
        }),
      ),
  });
  const mayOpen = !readOnly && user?.department === 'sales';
  return (
    <Card
      title={t('consignments')}
      data-testid="consignments-page"
      extra={
        mayOpen && (
          <Button
            type="primary"
            data-testid="new-consignment"
            onClick={() => navigate('/open?type=consignment')}
          >
            {t('newConsignment')}
          </Button>
        )
      }
    >
      {list.error ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <Table<Item>
          data-testid="consignment-list"
          rowKey="caseNumber"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('noConsignments')} /> }}
          onRow={(c) => ({ 'data-case-number': c.caseNumber }) as object}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `${t('total')} ${n}`,
          }}
          columns={[
            {
              title: t('caseNumber'),
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={`/consignments/${n}`}>{n}</Link>,
            },
            { title: t('consignor'), render: (_: unknown, c: Item) => c.customer.name },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: string) => caseStatusLabel(lang, 'consignment', s),
            },
            { title: t('stage'), dataIndex: 'stage', render: (s: string) => label(lang, s) },
            {
              title: t('overdue'),
              dataIndex: 'overdue',
              render: (o: boolean) => (o ? <Tag color="red">{t('overdue')}</Tag> : null),
            },
            { title: t('openedAt'), dataIndex: 'openedAt', render: fmt },
            { title: t('closedAt'), dataIndex: 'closedAt', render: fmt },
          ]}
        />
      )}
    </Card>
  );
}
