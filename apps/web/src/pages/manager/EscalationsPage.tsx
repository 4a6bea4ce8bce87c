import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type TaskView } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { Due } from '../due';
import { EscalationTag, isEscalation } from './shared';
import { useBoard } from './useBoard';

/**
 * Managers: escalations — the escalation tasks that reached me or my department's queue, and
 * the escalated or overdue tasks on my department's board.
 */
export function EscalationsPage() {
  const { t, lang } = useApp();
  const inbox = useQuery({
    queryKey: ['inbox', 'escalations'],
    queryFn: async () =>
      ok(await api.GET('/inbox', { params: { query: { scope: 'all', limit: 200 } } })),
    refetchInterval: 10_000,
  });
  const board = useBoard();
  const byId = new Map<string, TaskView>();
  for (const x of [...(inbox.data?.items ?? []), ...(board.data?.items ?? [])])
    if (isEscalation(x)) byId.set(x.taskId, x);
  const rows = [...byId.values()].sort(
    (a, b) => b.escalationLevel - a.escalationLevel || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''),
  );
  const people = new Map((board.data?.people ?? []).map((p) => [p.id, p.displayName]));
  const error = inbox.error;
  return (
    <Card title={`${t('escalations')} (${rows.length})`} data-testid="escalations-page">
      {error ? (
        <Tag color="red">
          {error instanceof ApiError
            ? errorMessage(lang, error.body.code, error.message)
            : t('error')}
        </Tag>
      ) : (
        <Table<TaskView>
          rowKey="taskId"
          size="small"
          loading={inbox.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('noEscalations')} /> }}
          columns={[
            {
              title: t('caseNumber'),
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link>,
            },
            {
              title: t('task'),
              render: (_: unknown, x: TaskView) => label(lang, x.commands[0] ?? x.type),
            },
            {
              title: t('level'),
              render: (_: unknown, x: TaskView) => <EscalationTag level={x.escalationLevel} />,
            },
            {
              title: t('escalatesTask'),
              dataIndex: 'escalatesTaskId',
              render: (s: string | null) => s ?? '—',
            },
            { title: t('stage'), dataIndex: 'stage', render: (s: string) => label(lang, s) },
            {
              title: t('assignee'),
              dataIndex: 'assignee',
              render: (a: string | null) => (a ? (people.get(a) ?? a) : t('unassigned')),
            },
            {
              title: t('due'),
              render: (_: unknown, x: TaskView) => <Due dueAt={x.dueAt} overdue={x.overdue} />,
            },
            { title: t('createdAt'), dataIndex: 'createdAt', render: fmt },
            {
              title: t('actions'),
              render: (_: unknown, x: TaskView) => (
                <Link to={`/tasks/${x.taskId}`} data-write="true">
                  {t('open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
