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
  Result,
  Row,
  Select,
  Spin,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, ok } from '../api/client';
import { Fields, commandSchema, showIssues, toPayload } from '../form/SchemaForm';
import { errorMessage, label } from '../i18n/messages';
import { useApp } from '../session';
import { Due } from './due';

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
  const type = chosen ?? task.commands[0] ?? '';
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
      await qc.invalidateQueries({ queryKey: ['inbox'] });
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
          {task.commands.length > 1 && (
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
            <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
              {t('submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col span={8}>
        <Card title={<Link to={`/cases/${c.caseNumber}`}>{c.caseNumber}</Link>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('caseType')}>{label(lang, c.type)}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{c.status}</Descriptions.Item>
            <Descriptions.Item label={t('stage')}>{c.stage}</Descriptions.Item>
            <Descriptions.Item label={t('customer')}>
              {c.customer.name} {c.customer.phone ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('due')}>
              <Due dueAt={task.dueAt} overdue={task.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('closingDue')}>
              <Due dueAt={c.closingDueAt} overdue={c.overdue} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
