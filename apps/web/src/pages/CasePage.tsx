import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Card,
  Descriptions,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api, ok, type Schemas, type TaskView } from '../api/client';
import { errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { Due } from './due';

const fmt = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');

export function CasePage() {
  const { caseNumber = '' } = useParams();
  const { t, lang, readOnly } = useApp();
  const path = { params: { path: { caseNumber } } };
  const view = useQuery({
    queryKey: ['case', caseNumber],
    queryFn: async () => ok(await api.GET('/cases/{caseNumber}', path)),
  });
  const docs = useQuery({
    queryKey: ['case', caseNumber, 'documents'],
    queryFn: async () => ok(await api.GET('/cases/{caseNumber}/documents', path)),
  });
  const audit = useQuery({
    queryKey: ['case', caseNumber, 'audit'],
    queryFn: async () => ok(await api.GET('/cases/{caseNumber}/audit', path)),
  });
  const verify = useQuery({
    queryKey: ['case', caseNumber, 'verify'],
    queryFn: async () => ok(await api.GET('/cases/{caseNumber}/audit/verify', path)),
  });
  if (view.isLoading) return <Spin />;
  if (view.error)
    return (
      <Alert
        type="error"
        message={
          view.error instanceof ApiError
            ? errorMessage(lang, view.error.body.code, view.error.message)
            : t('error')
        }
      />
    );
  const c = view.data!;
  const taskColumns = [
    { title: t('task'), render: (_: unknown, x: TaskView) => label(lang, x.commands[0] ?? x.type) },
    { title: t('stage'), dataIndex: 'stage' },
    { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
    { title: t('assignee'), dataIndex: 'assignee' },
    {
      title: t('due'),
      render: (_: unknown, x: TaskView) =>
        x.completedAt ? fmt(x.dueAt) : <Due dueAt={x.dueAt} overdue={x.overdue} />,
    },
    { title: t('completedBy'), dataIndex: 'completedBy' },
    { title: t('completedAt'), dataIndex: 'completedAt', render: fmt },
    ...(readOnly
      ? []
      : [
          {
            title: t('actions'),
            render: (_: unknown, x: TaskView) =>
              x.status === 'open' || x.status === 'claimed' ? (
                <Link to={`/tasks/${x.taskId}`}>{t('open')}</Link>
              ) : null,
          },
        ]),
  ];
  const v = verify.data;
  return (
    <Card
      data-testid="case-page"
      title={
        <span>
          {c.caseNumber} · {label(lang, c.type)}{' '}
          {readOnly && <Tag data-testid="read-only">{t('readOnly')}</Tag>}
        </span>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('status')}>{c.status}</Descriptions.Item>
        <Descriptions.Item label={t('stage')}>{c.stage}</Descriptions.Item>
        <Descriptions.Item label={t('policyVersion')}>{c.policyVersion}</Descriptions.Item>
        <Descriptions.Item label={t('customer')}>
          {c.customer.name} {c.customer.phone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('openedAt')}>{fmt(c.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('closingDue')}>
          {c.closedAt ? fmt(c.closingDueAt) : <Due dueAt={c.closingDueAt} overdue={c.overdue} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('closedAt')}>{fmt(c.closedAt)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'tasks',
            label: t('tasks'),
            children: (
              <Table<TaskView>
                rowKey="taskId"
                size="small"
                pagination={false}
                dataSource={c.tasks}
                columns={taskColumns}
              />
            ),
          },
          {
            key: 'documents',
            label: t('documents'),
            children: (
              <Table<Schemas['Document']>
                rowKey={(d) => `${d.docNumber}-${d.revision}`}
                size="small"
                pagination={false}
                loading={docs.isLoading}
                dataSource={docs.data ?? []}
                columns={[
                  { title: t('docType'), dataIndex: 'docType' },
                  { title: t('docNumber'), dataIndex: 'docNumber' },
                  { title: t('revision'), dataIndex: 'revision' },
                  { title: t('status'), dataIndex: 'status' },
                  { title: t('time'), dataIndex: 'updatedAt', render: fmt },
                ]}
              />
            ),
          },
          {
            key: 'audit',
            label: (
              <span>
                {t('audit')}{' '}
                {v && (
                  <Badge
                    data-testid="verify-badge"
                    status={v.valid ? 'success' : 'error'}
                    text={
                      v.valid
                        ? `${t('verified')} (${v.count})`
                        : `${t('broken')} #${v.firstBrokenSeq ?? ''}`
                    }
                  />
                )}
              </span>
            ),
            children: (
              <Timeline
                items={(audit.data ?? []).map((e) => ({
                  children: (
                    <div>
                      <Typography.Text strong>{e.action}</Typography.Text> · {e.actor} ·{' '}
                      {fmt(e.occurredAt)}
                      <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
                        {JSON.stringify(e.data)}
                      </pre>
                    </div>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
