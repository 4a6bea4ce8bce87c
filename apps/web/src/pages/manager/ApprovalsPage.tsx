import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, api, ok, type TaskView } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { yuan } from '../../lib/format';
import { useApp } from '../../session';
import { Due } from '../due';
import { useCase } from '../case/queries';
import { isApproval, routeOf, type ApprovalRouteView } from './shared';

function Explanation({ route }: { route: ApprovalRouteView | null }) {
  const { t, lang } = useApp();
  if (!route) return <Typography.Text type="secondary">—</Typography.Text>;
  const { explanation: e } = route;
  return (
    <Descriptions size="small" column={1} data-testid="explanation">
      <Descriptions.Item label={t('policyVersion')}>v{e.policyVersion}</Descriptions.Item>
      <Descriptions.Item label={t('matchedRow')}>
        {label(lang, route.action)} · {t('bracket')}{' '}
        {e.bracket.aboveFen === null ? '¥0' : yuan(e.bracket.aboveFen)} –{' '}
        {e.bracket.upToFen === null ? '∞' : yuan(e.bracket.upToFen)}
      </Descriptions.Item>
      <Descriptions.Item label={t('steps')}>
        {route.steps.map((s) => label(lang, s.role)).join(' → ')}
        {e.mandatoryAdded.length > 0 &&
          ` (+ ${e.mandatoryAdded.map((m) => `${label(lang, m.role)}: ${m.basis}`).join('; ')})`}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One approval: the amount and route from its case's live state, against my personal limit. */
function ApprovalRow({ task }: { task: TaskView }) {
  const { t, lang, user } = useApp();
  const c = useCase(task.caseNumber);
  const route = routeOf(task, c.data);
  const limit = user?.approvalLimitFen ?? null;
  const amount = route?.amountFen ?? c.data?.lossAmountFen ?? null;
  const above = limit !== null && amount !== null && amount > limit;
  return (
    <Card
      size="small"
      data-testid="approval"
      data-case-number={task.caseNumber}
      title={
        <Space>
          <Link to={`/cases/${task.caseNumber}`}>{task.caseNumber}</Link>
          <span>
            {label(lang, task.commands.find((x) => x.startsWith('Approve')) ?? task.type)}
          </span>
          <Due dueAt={task.dueAt} overdue={task.overdue} />
        </Space>
      }
      extra={
        <Link to={`/tasks/${task.taskId}`} data-write="true" data-testid={`approve-${task.taskId}`}>
          {t('open')}
        </Link>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('amount')}>
          <span data-testid="approval-amount">{yuan(amount)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('myLimit')}>
          {limit === null ? t('noLimit') : yuan(limit)}
        </Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          {amount === null || limit === null ? (
            '—'
          ) : above ? (
            <Tag color="red" data-testid="above-limit">
              {t('aboveMyLimit')}
            </Tag>
          ) : (
            <Tag color="green">{t('withinMyLimit')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('explanation')}</Typography.Text>
      <Explanation route={route} />
    </Card>
  );
}

/** Managers: the approvals waiting for me (my claimed ones and my department's open ones). */
export function ApprovalsPage() {
  const { t, lang } = useApp();
  const inbox = useQuery({
    queryKey: ['inbox', 'approvals'],
    queryFn: async () =>
      ok(await api.GET('/inbox', { params: { query: { scope: 'all', limit: 200 } } })),
    refetchInterval: 10_000,
  });
  const rows = (inbox.data?.items ?? []).filter(isApproval);
  return (
    <Card
      title={`${t('approvals')} (${rows.length})`}
      data-testid="approvals-page"
      loading={inbox.isLoading}
    >
      {inbox.error ? (
        <Tag color="red">
          {inbox.error instanceof ApiError
            ? errorMessage(lang, inbox.error.body.code, inbox.error.message)
            : t('error')}
        </Tag>
      ) : rows.length === 0 ? (
        <Empty description={t('noApprovals')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((x) => (
            <ApprovalRow key={x.taskId} task={x} />
          ))}
        </Space>
      )}
    </Card>
  );
}
