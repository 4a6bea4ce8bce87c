import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type TaskView } from '../api/client';
import { caseTypeOf, errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { Due } from './due';

/** Polling interval of the inbox (issue 11: new tasks appear without a reload, ≤ 10 s). */
export const INBOX_POLL_MS = 5_000;

export function InboxPage() {
  const { t, lang, user, readOnly } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const inbox = useQuery({
    queryKey: ['inbox'],
    queryFn: async () =>
      ok(await api.GET('/inbox', { params: { query: { scope: 'all', limit: 200 } } })),
    refetchInterval: INBOX_POLL_MS,
  });
  const act = useMutation({
    mutationFn: async ({ task, action }: { task: TaskView; action: 'claim' | 'unclaim' }) =>
      ok(
        await api.POST(`/tasks/{taskId}/${action}`, { params: { path: { taskId: task.taskId } } }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['inbox'] }),
    onError: (e) =>
      void message.error(
        e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
      ),
  });
  const items = inbox.data?.items ?? [];
  const mine = items.filter((x) => x.assignee === user?.id || x.assignee === user?.username);
  const queue = items.filter((x) => !mine.includes(x));
  const columns = [
    {
      title: t('caseNumber'),
      dataIndex: 'caseNumber',
      render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
    },
    {
      title: t('caseType'),
      render: (_: unknown, x: TaskView) => label(lang, caseTypeOf(x.caseNumber)),
    },
    {
      title: t('task'),
      render: (_: unknown, x: TaskView) => (
        <Space>
          {label(lang, x.commands[0] ?? x.type)}
          {x.escalationLevel > 0 && <Tag color="volcano">↑{x.escalationLevel}</Tag>}
        </Space>
      ),
    },
    { title: t('stage'), dataIndex: 'stage' },
    { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
    {
      title: t('due'),
      render: (_: unknown, x: TaskView) => <Due dueAt={x.dueAt} overdue={x.overdue} />,
    },
    { title: t('priority'), dataIndex: 'priority' },
    {
      title: t('actions'),
      render: (_: unknown, x: TaskView) =>
        readOnly ? null : (
          <Space>
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
          </Space>
        ),
    },
  ];
  const table = (rows: TaskView[], testId: string) => (
    <Table<TaskView>
      data-testid={testId}
      rowKey="taskId"
      size="small"
      loading={inbox.isLoading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      onRow={(x) => ({ 'data-task-id': x.taskId, 'data-case-number': x.caseNumber }) as object}
    />
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
      <Card title={`${t('myTasks')} (${mine.length})`}>{table(mine, 'inbox-mine')}</Card>
      <Card title={`${t('deptQueue')} (${queue.length})`}>{table(queue, 'inbox-queue')}</Card>
    </Space>
  );
}
