import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type InboxItem } from '../api/client';
import { caseTypeOf, errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { BusinessDue } from './due';
import { INBOX_POLL_MS, markInboxSeen, useInboxWatch } from './inbox-watch';

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
  due?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

export function InboxPage() {
  const { t, lang, user, readOnly } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fresh = useInboxWatch();
  const [filters, setFilters] = useState<Filters>({ overdue: false });
  const [delegating, setDelegating] = useState<InboxItem>();
  const query = {
    scope: 'all' as const,
    limit: 200,
    ...(filters.caseType ? { caseType: filters.caseType } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.overdue ? { overdue: 'true' as const } : {}),
    ...(filters.due?.[0] ? { dueFrom: filters.due[0].startOf('day').toISOString() } : {}),
    ...(filters.due?.[1] ? { dueTo: filters.due[1].endOf('day').toISOString() } : {}),
    ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
  };
  const inbox = useQuery({
    queryKey: ['inbox', 'list', query],
    queryFn: async () => ok(await api.GET('/inbox', { params: { query } })),
    refetchInterval: INBOX_POLL_MS,
    placeholderData: (prev) => prev,
  });
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
  const items = inbox.data?.items ?? [];
  const isMine = (x: InboxItem) => x.assignee === user?.id || x.assignee === user?.username;
  const mine = items.filter(isMine);
  const queue = items.filter((x) => !isMine(x));
  const typeOptions = [...new Set([...TASK_TYPES, ...items.map((x) => x.type)])];
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
  const table = (rows: InboxItem[], testId: string) => (
    <Table<InboxItem>
      data-testid={testId}
      rowKey="taskId"
      size="small"
      loading={inbox.isLoading}
      dataSource={rows}
      columns={columns}
      pagination={false}
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
      <DatePicker.RangePicker
        aria-label={t('dueRange')}
        placeholder={[t('dueFrom'), t('dueTo')]}
        allowEmpty={[true, true]}
        value={filters.due ?? null}
        onChange={(due) => setFilters((f) => ({ ...f, due }))}
      />
      <Checkbox
        checked={filters.overdue}
        onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}
        data-testid="filter-overdue"
      >
        {t('overdueOnly')}
      </Checkbox>
    </Space>
  );
  if (inbox.error)
    return (
      <Card>
        {inbox.error instanceof ApiError
          ? errorMessage(lang, inbox.error.body.code, inbox.error.message)
          : t('error')}
      </Card>
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
      <Card title={`${t('myTasks')} (${mine.length})`}>{table(mine, 'inbox-mine')}</Card>
      <Card title={`${t('deptQueue')} (${queue.length})`}>{table(queue, 'inbox-queue')}</Card>
      {delegating && (
        <DelegateDialog
          task={delegating}
          onClose={() => setDelegating(undefined)}
          onError={showError}
        />
      )}
    </Space>
  );
}

/** Delegate a task to someone who fits it (the API lists them: GET /tasks/{id}/delegates). */
function DelegateDialog({
  task,
  onClose,
  onError,
}: {
  task: InboxItem;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [to, setTo] = useState<string>();
  const candidates = useQuery({
    queryKey: ['delegates', task.taskId],
    queryFn: async () =>
      ok(
        await api.GET('/tasks/{taskId}/delegates', {
          params: { path: { taskId: task.taskId } },
        }),
      ),
  });
  const send = useMutation({
    mutationFn: async (userId: string) =>
      ok(
        await api.POST('/tasks/{taskId}/delegate', {
          params: { path: { taskId: task.taskId } },
          body: { to: { userId } },
        }),
      ),
    onSuccess: () => {
      void message.success(t('delegated'));
      void qc.invalidateQueries({ queryKey: ['inbox'] });
      onClose();
    },
    onError,
  });
  const refused = candidates.error;
  return (
    <Modal
      open
      title={`${t('delegate')} · ${task.taskId}`}
      onCancel={onClose}
      onOk={() => to && send.mutate(to)}
      okButtonProps={{ disabled: !to, loading: send.isPending, id: 'delegate-ok' }}
      okText={t('delegate')}
    >
      {refused ? (
        <Typography.Text type="danger" data-testid="delegate-error">
          {refused instanceof ApiError
            ? errorMessage(lang, refused.body.code, refused.message)
            : String(refused)}
        </Typography.Text>
      ) : (
        <Select
          aria-label={t('delegateTo')}
          placeholder={t('delegateTo')}
          style={{ width: '100%' }}
          loading={candidates.isLoading}
          value={to}
          onChange={setTo}
          notFoundContent={t('noDelegates')}
          data-testid="delegate-to"
          options={(candidates.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))}
        />
      )}
    </Modal>
  );
}
