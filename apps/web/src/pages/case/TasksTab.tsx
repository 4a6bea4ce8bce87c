import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView, TaskView } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { BusinessClock } from './BusinessClock';
import { useActorName } from './queries';

const isOpen = (x: TaskView) => x.status === 'open' || x.status === 'claimed';

/** Open and done tasks: who, when, due (business time left), overdue, escalation. */
export function TasksTab({ c }: { c: CaseView }) {
  const { t, lang, readOnly } = useApp();
  const who = useActorName(c.caseNumber);
  const common = [
    {
      title: t('task'),
      render: (_: unknown, x: TaskView) => (
        <span>
          {label(lang, x.commands[0] ?? x.type)}{' '}
          {x.escalationLevel > 0 && (
            <Tag color="volcano">
              {t('escalation')} ↑{x.escalationLevel}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('stage'), dataIndex: 'stage', render: (s: string) => label(lang, s) },
    { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
    { title: t('createdAt'), dataIndex: 'createdAt', render: fmt },
  ];
  const open = [
    ...common,
    { title: t('assignee'), dataIndex: 'assignee', render: (a: string | null) => who(a) },
    {
      title: t('due'),
      render: (_: unknown, x: TaskView) => (
        <BusinessClock clock={c.businessTime.tasks[x.taskId]} dueAt={x.dueAt} />
      ),
    },
    {
      title: t('overdue'),
      render: (_: unknown, x: TaskView) =>
        x.overdue ? <Tag color="red">{t('overdue')}</Tag> : null,
    },
    ...(readOnly
      ? []
      : [
          {
            title: t('actions'),
            render: (_: unknown, x: TaskView) => (
              <Link to={`/tasks/${x.taskId}`} data-write="true">
                {t('open')}
              </Link>
            ),
          },
        ]),
  ];
  const done = [
    ...common,
    { title: t('completedBy'), dataIndex: 'completedBy', render: (a: string | null) => who(a) },
    { title: t('completedAt'), dataIndex: 'completedAt', render: fmt },
    { title: t('due'), dataIndex: 'dueAt', render: fmt },
    {
      title: t('overdue'),
      render: (_: unknown, x: TaskView) =>
        x.overdue ? <Tag color="red">{t('overdue')}</Tag> : null,
    },
  ];
  return (
    <div data-testid="tasks-tab">
      <h4>
        {t('openTasks')} ({c.tasks.filter(isOpen).length})
      </h4>
      <Table<TaskView>
        rowKey="taskId"
        size="small"
        pagination={false}
        dataSource={c.tasks.filter(isOpen)}
        columns={open}
      />
      <h4 style={{ marginTop: 16 }}>
        {t('doneTasks')} ({c.tasks.filter((x) => !isOpen(x)).length})
      </h4>
      <Table<TaskView>
        rowKey="taskId"
        size="small"
        pagination={false}
        dataSource={c.tasks.filter((x) => !isOpen(x))}
        columns={done}
      />
    </div>
  );
}
