import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, ok } from '../api/client';
import { Fields, commandSchema, showIssues, toPayload } from '../form/SchemaForm';
import { errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { afterTaskCommand } from './inbox-cache';
import { ApprovalRoute, currentRoute } from './approval-route';
import { BusinessDue, Due } from './due';

/** An approval task offers approve and send back (ApproveResolution / SendBackResolution, …). */
const APPROVE = /^Approve/;
const SEND_BACK = /^(SendBack|Return(?!ed)|Reject)/;

/** `<caseNumber>-T<n>` (contracts/task.ts). */
const caseOfTask = (taskId: string) => taskId.replace(/-T\d+$/, '');

export function TaskPage() {
  const { taskId = '' } = useParams();
  const caseNumber = caseOfTask(taskId);
  const { t, lang, readOnly } = useApp();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const view = useQuery({
    queryKey: ['case', caseNumber],
    queryFn: async () =>
      ok(await api.GET('/cases/{caseNumber}', { params: { path: { caseNumber } } })),
  });
  // The inbox row of the task: its remaining business time (computed by the API).
  const row = useQuery({
    queryKey: ['inbox', 'case', caseNumber],
    queryFn: async () =>
      ok(await api.GET('/inbox', { params: { query: { scope: 'all', caseNumber } } })),
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
  const task = c.tasks.find((x) => x.taskId === taskId);
  if (!task || (task.status !== 'open' && task.status !== 'claimed') || readOnly)
    return (
      <Result
        status="info"
        title={t('noTaskHere')}
        extra={<Link to="/">{t('backToInbox')}</Link>}
      />
    );
  const approve = task.commands.find((x) => APPROVE.test(x));
  const sendBack = task.commands.find((x) => SEND_BACK.test(x));
  const approval = approve !== undefined && sendBack !== undefined;
  const type = chosen ?? task.commands[0] ?? '';
  const inboxRow = row.data?.items.find((x) => x.taskId === taskId);
  const route = currentRoute(c.live?.state);
  const schema = commandSchema(type);
  const submit = async (values: Record<string, unknown>) => {
    if (!schema) return;
    setBusy(true);
    setError(undefined);
    const { comment, ...fields } = values;
    const payload = { ...((toPayload(schema, fields) as object) ?? {}), type };
    const r = await api.POST('/tasks/{taskId}/complete', {
      params: { path: { taskId } },
      // The form is generated from this command's schema; the API validates it (400 → fields).
      body: { command: payload as never, ...(comment ? { comment: String(comment) } : {}) },
    });
    setBusy(false);
    try {
      ok(r);
      void message.success(t('submitted'));
      // Back to the inbox at once: the done task leaves the cached lists now and the case's
      // rows are fetched alone (inbox-cache.ts), never the whole department's queue first.
      void afterTaskCommand(qc, caseNumber, taskId);
      navigate('/');
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(String(e));
      const issues = (e.body.details?.issues ?? []) as Array<{ path: string; message: string }>;
      const unplaced = showIssues(form, issues);
      setError(
        [
          errorMessage(lang, e.body.code, e.message),
          ...unplaced.map((i) => `${i.path}: ${i.message}`),
        ].join(' · '),
      );
    }
  };
  return (
    <Row gutter={24}>
      <Col span={16}>
        <Card title={`${label(lang, type)} · ${taskId}`} data-testid="task-form">
          {approval && (
            <Radio.Group
              aria-label={t('decision')}
              optionType="button"
              buttonStyle="solid"
              value={type}
              onChange={(e) => {
                setChosen(e.target.value as string);
                form.resetFields();
              }}
              style={{ marginBottom: 16 }}
              data-testid="decision"
              options={[
                { value: approve, label: t('approve') },
                { value: sendBack, label: t('sendBack') },
                ...task.commands
                  .filter((x) => x !== approve && x !== sendBack)
                  .map((v) => ({ value: v, label: label(lang, v) })),
              ]}
            />
          )}
          {!approval && task.commands.length > 1 && (
            <Select
              aria-label={t('command')}
              value={type}
              onChange={(v) => {
                setChosen(v);
                form.resetFields();
              }}
              options={task.commands.map((v) => ({ value: v, label: label(lang, v) }))}
              style={{ minWidth: 240, marginBottom: 16 }}
            />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} key={type}>
            {schema ? <Fields schema={schema} path={[]} skip={['type']} /> : null}
            <Form.Item name="comment" label={t('comment')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            {error && (
              <Alert
                type="error"
                message={error}
                style={{ marginBottom: 16 }}
                data-testid="form-error"
              />
            )}
            <Button
              type="primary"
              danger={approval && type === sendBack}
              htmlType="submit"
              loading={busy}
              data-testid="submit"
            >
              {approval && type === approve
                ? t('approve')
                : approval && type === sendBack
                  ? t('sendBack')
                  : t('submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col span={8}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card
            size="small"
            title={`${t('caseSummary')} · ${c.caseNumber}`}
            extra={<Link to={`/cases/${c.caseNumber}`}>{t('openCase')}</Link>}
            data-testid="case-summary"
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('caseType')}>{label(lang, c.type)}</Descriptions.Item>
              <Descriptions.Item label={t('status')}>{label(lang, c.status)}</Descriptions.Item>
              <Descriptions.Item label={t('stage')}>{label(lang, c.stage)}</Descriptions.Item>
              <Descriptions.Item label={t('customer')}>
                {c.customer.name} {c.customer.phone ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('policyVersion')}>v{c.policyVersion}</Descriptions.Item>
              {c.defectDescription && (
                <Descriptions.Item label={t('data')}>{c.defectDescription}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('clocks')} data-testid="clocks">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={`${t('due')} · ${label(lang, task.type)}`}>
                <BusinessDue
                  dueAt={task.dueAt}
                  overdue={task.overdue}
                  remainingMs={inboxRow?.remainingBusinessMs ?? null}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('closingDue')}>
                <Due dueAt={c.closingDueAt} overdue={c.overdue} />
                {c.live?.closingClock.dueProvisional && <Tag>{t('provisional')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('openedAt')}>
                {new Date(c.openedAt).toLocaleString(lang)}
              </Descriptions.Item>
              {c.overdueStages.length > 0 && (
                <Descriptions.Item label={t('overdueBy')}>
                  {c.overdueStages.map((x) => (
                    <Tag key={x} color="#a8071a">
                      {label(lang, x)}
                    </Tag>
                  ))}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {route && <ApprovalRoute route={route} />}
        </Space>
      </Col>
    </Row>
  );
}
