import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type InboxItem } from '../api/client';
import { caseTypeOf, errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { BusinessDue } from './due';
import { Panel } from './Panel';
import {
  INBOX_PAGE,
  MINE_FIRST_PAGE,
  QUEUE_FIRST_PAGE,
  fetchInbox,
  inboxListKey,
  type InboxQuery,
} from './inbox-cache';
import { INBOX_POLL_MS, markInboxSeen, useInboxWatch } from './inbox-watch';

// Loaded when someone delegates: the login + inbox route ships without the dialog.
const DelegateDialog = lazy(() =>
  import('./DelegateDialog').then((m) => ({ default: m.DelegateDialog })),
);

export { INBOX_POLL_MS };

const CASE_TYPES = ['complaint', 'return', 'repair'];
/** The human tasks' types (workflows' task types); the filter also offers any type in view. */
const TASK_TYPES = [
  'cs_registration',
  'first_response',
  'rnd_investigation',
  'report_approval',
  'resolution_proposal',
  'resolution_approval',
  'customer_response',
  'close',
];

interface Filters {
  caseType?: string;
  type?: string;
  overdue: boolean;
  /** YYYY-MM-DD, local days (native date inputs: the route ships without antd's DatePicker) */
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

/** "1,000+" when the API's count is capped (totalCapped), else the count. */
const countText = (data: { total: number; totalCapped: boolean } | undefined): string =>
  data ? `${data.total.toLocaleString('en-US')}${data.totalCapped ? '+' : ''}` : '…';

/**
 * One of the inbox's lists, a page at a time from the API (issue 11: never the whole queue):
 * page n + 1 is asked `after` page n's nextCursor (keyset) when page n was seen, else by
 * offset (a page jumped to). A change of the filters starts again at page 1.
 */
function useInboxList(first: InboxQuery, filters: InboxQuery) {
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState({ filterKey, page: 1, cursors: {} as Record<number, string> });
  if (state.filterKey !== filterKey) setState({ filterKey, page: 1, cursors: {} });
  const { page, cursors } =
    state.filterKey === filterKey ? state : { page: 1, cursors: {} as Record<number, string> };
  const after = cursors[page];
  const query: InboxQuery = {
    ...first,
    ...filters,
    ...(page > 1 ? (after ? { after } : { offset: (page - 1) * INBOX_PAGE }) : {}),
  };
  const list = useQuery({
    queryKey: inboxListKey(query),
    queryFn: () => fetchInbox(query),
    refetchInterval: INBOX_POLL_MS,
    placeholderData: (prev) => prev,
  });
  const next = list.isPlaceholderData ? undefined : list.data?.nextCursor;
  useEffect(() => {
    if (next)
      setState((s) =>
        s.page !== page || s.cursors[page + 1] === next
          ? s
          : { ...s, cursors: { ...s.cursors, [page + 1]: next } },
      );
  }, [next, page]);
  const data = list.data;
  return {
    list,
    items: data?.items ?? [],
    pagination: {
      current: page,
      pageSize: INBOX_PAGE,
      // a capped count: as many pages as are known to exist (the keyset goes on past 1,000)
      total: !data
        ? 0
        : data.totalCapped
          ? Math.max(
              data.total,
              (page - 1) * INBOX_PAGE + data.items.length + (data.nextCursor ? 1 : 0),
            )
          : data.total,
      hideOnSinglePage: true,
      showSizeChanger: false,
      onChange: (p: number) => setState((s) => ({ ...s, page: p })),
    },
    count: countText(data),
  };
}

export function InboxPage() {
  const { t, lang, user, readOnly } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fresh = useInboxWatch();
  const [filters, setFilters] = useState<Filters>({ overdue: false });
  const [delegating, setDelegating] = useState<InboxItem>();
  const filterQuery: InboxQuery = {
    ...(filters.caseType ? { caseType: filters.caseType } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.overdue ? { overdue: 'true' as const } : {}),
    ...(filters.dueFrom ? { dueFrom: new Date(`${filters.dueFrom}T00:00:00`).toISOString() } : {}),
    ...(filters.dueTo ? { dueTo: new Date(`${filters.dueTo}T23:59:59.999`).toISOString() } : {}),
    ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
  };
  const mineList = useInboxList(MINE_FIRST_PAGE, filterQuery);
  const queueList = useInboxList(QUEUE_FIRST_PAGE, filterQuery);
  const showError = (e: unknown) =>
    void message.error(
      e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
    );
  const act = useMutation({
    mutationFn: async ({ task, action }: { task: InboxItem; action: 'claim' | 'unclaim' }) =>
      ok(
        await api.POST(`/tasks/{taskId}/${action}`, { params: { path: { taskId: task.taskId } } }),
      ),
    onSuccess: (_, v) => {
      void message.success(t(v.action === 'claim' ? 'claimed' : 'released'));
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
    onError: showError,
  });
  const isMine = (x: InboxItem) => x.assignee === user?.id || x.assignee === user?.username;
  const typeOptions = [
    ...new Set([...TASK_TYPES, ...[...mineList.items, ...queueList.items].map((x) => x.type)]),
  ];
  const columns = [
    {
      title: t('caseNumber'),
      dataIndex: 'caseNumber',
      render: (n: string, x: InboxItem) => (
        <Space size={4}>
          <Link to={`/cases/${n}`}>{n}</Link>
          {fresh.has(x.taskId) && (
            <Tag color="#a8071a" data-testid="fresh-tag">
              {t('newTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('caseType'),
      render: (_: unknown, x: InboxItem) => label(lang, x.caseType ?? caseTypeOf(x.caseNumber)),
    },
    {
      title: t('task'),
      render: (_: unknown, x: InboxItem) => (
        <Space size={4}>
          {label(lang, x.commands[0] ?? x.type)}
          {x.escalationLevel > 0 && (
            <Tooltip title={t('escalated')}>
              <Tag color="#ad2102" data-testid="escalated">
                ↑{x.escalationLevel} {t('escalated')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('customer'),
      render: (_: unknown, x: InboxItem) =>
        x.customer ? (
          <span data-testid="customer">
            {x.customer.name} {x.customer.phone ?? ''}
          </span>
        ) : null,
    },
    {
      title: t('due'),
      render: (_: unknown, x: InboxItem) => (
        <BusinessDue dueAt={x.dueAt} overdue={x.overdue} remainingMs={x.remainingBusinessMs} />
      ),
    },
    { title: t('priority'), dataIndex: 'priority' },
    {
      title: t('assignee'),
      render: (_: unknown, x: InboxItem) =>
        x.assignee === null ? (
          <Typography.Text type="secondary">{t('unassigned')}</Typography.Text>
        ) : isMine(x) ? (
          t('me')
        ) : (
          x.status
        ),
    },
    {
      title: t('actions'),
      render: (_: unknown, x: InboxItem) =>
        readOnly ? null : (
          <Space size={4} wrap>
            <Link to={`/tasks/${x.taskId}`} data-testid={`open-${x.taskId}`}>
              {t('open')}
            </Link>
            {x.status === 'open' ? (
              <Button size="small" onClick={() => act.mutate({ task: x, action: 'claim' })}>
                {t('claim')}
              </Button>
            ) : (
              <Button size="small" onClick={() => act.mutate({ task: x, action: 'unclaim' })}>
                {t('release')}
              </Button>
            )}
            <Button size="small" onClick={() => setDelegating(x)}>
              {t('delegate')}
            </Button>
          </Space>
        ),
    },
  ];
  const table = (l: ReturnType<typeof useInboxList>, testId: string) => (
    <Table<InboxItem>
      data-testid={testId}
      rowKey="taskId"
      size="small"
      loading={l.list.isLoading}
      dataSource={l.items}
      columns={columns}
      pagination={{ ...l.pagination, showTotal: () => `${t('total')} ${l.count}` }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      onRow={(x) => ({ 'data-task-id': x.taskId, 'data-case-number': x.caseNumber }) as object}
    />
  );
  const filterBar = (
    <Space wrap data-testid="inbox-filters">
      <Input.Search
        allowClear
        aria-label={t('search')}
        placeholder={t('searchPlaceholder')}
        style={{ width: 280 }}
        onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        data-testid="inbox-search"
      />
      <Select
        allowClear
        aria-label={t('caseType')}
        placeholder={t('caseType')}
        style={{ width: 140 }}
        value={filters.caseType}
        onChange={(caseType?: string) => setFilters((f) => ({ ...f, caseType }))}
        options={CASE_TYPES.map((v) => ({ value: v, label: label(lang, v) }))}
        data-testid="filter-case-type"
      />
      <Select
        allowClear
        aria-label={t('taskType')}
        placeholder={t('taskType')}
        style={{ width: 180 }}
        value={filters.type}
        onChange={(type?: string) => setFilters((f) => ({ ...f, type }))}
        options={typeOptions.map((v) => ({ value: v, label: label(lang, v) }))}
        data-testid="filter-task-type"
      />
      <Space.Compact>
        <Input
          type="date"
          aria-label={`${t('dueRange')}: ${t('dueFrom')}`}
          addonBefore={t('dueRange')}
          value={filters.dueFrom ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, dueFrom: e.target.value || undefined }))}
          data-testid="filter-due-from"
          style={{ width: 240 }}
        />
        <Input
          type="date"
          aria-label={`${t('dueRange')}: ${t('dueTo')}`}
          value={filters.dueTo ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, dueTo: e.target.value || undefined }))}
          data-testid="filter-due-to"
          style={{ width: 150 }}
        />
      </Space.Compact>
      <Checkbox
        checked={filters.overdue}
        onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}
        data-testid="filter-overdue"
      >
        {t('overdueOnly')}
      </Checkbox>
    </Space>
  );
  const error = mineList.list.error ?? queueList.list.error;
  if (error)
    return (
      <Panel>
        {error instanceof ApiError
          ? errorMessage(lang, error.body.code, error.message)
          : t('error')}
      </Panel>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('inbox')}
      </Typography.Title>
      {filterBar}
      {fresh.size > 0 && (
        <Space data-testid="fresh-banner">
          <Typography.Text strong>
            {t('newTasks')}: {fresh.size}
          </Typography.Text>
          <Button size="small" onClick={markInboxSeen}>
            {t('markSeen')}
          </Button>
        </Space>
      )}
      <Panel title={`${t('myTasks')} (${mineList.count})`}>{table(mineList, 'inbox-mine')}</Panel>
      <Panel title={`${t('deptQueue')} (${queueList.count})`}>
        {table(queueList, 'inbox-queue')}
      </Panel>
      {delegating && (
        <Suspense fallback={null}>
          <DelegateDialog
            task={delegating}
            onClose={() => setDelegating(undefined)}
            onError={showError}
          />
        </Suspense>
      )}
    </Space>
  );
}
