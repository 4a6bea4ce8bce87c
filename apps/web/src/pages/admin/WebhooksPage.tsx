import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, api, ok, type Schemas } from '../../api/client';
import { errorMessage } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';

type Endpoint = Schemas['WebhookEndpoint'];
type Delivery = Schemas['WebhookDelivery'];
type EventType = Endpoint['events'][number];
const EVENT_TYPES: EventType[] = ['task.assigned', 'task.escalated', 'case.closed'];
const STATUS_COLOR = { pending: 'blue', delivered: 'green', failed: 'red', skipped: 'default' };
interface Values {
  url: string;
  events: EventType[];
  description?: string;
}

/** Admins: the organisation's outgoing webhooks (issue 11) — register, disable, delivery log. */
export function WebhooksPage() {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const endpoints = useQuery({
    queryKey: ['admin', 'webhooks'],
    queryFn: async () => ok(await api.GET('/webhooks', {})),
  });
  const deliveries = useQuery({
    queryKey: ['admin', 'webhooks', selected, 'deliveries'],
    enabled: selected !== undefined,
    refetchInterval: 5_000,
    queryFn: async () =>
      ok(
        await api.GET('/webhooks/{id}/deliveries', {
          params: { path: { id: selected ?? '' }, query: {} },
        }),
      ),
  });
  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const issues =
        (e.body.details as { issues?: Array<{ path: string; message: string }> }).issues ?? [];
      form.setFields(
        issues.map((i) => ({
          name: i.path.replace(/^body\./, '').split('.')[0] as never,
          errors: [i.message],
        })),
      );
      void message.error(errorMessage(lang, e.body.code, e.message));
    } else void message.error(String(e));
  };
  const create = useMutation({
    mutationFn: async (v: Values) =>
      ok(
        await api.POST('/webhooks', {
          body: {
            url: v.url,
            events: v.events,
            ...(v.description ? { description: v.description } : {}),
          },
        }),
      ),
    onSuccess: (created) => {
      setCreating(false);
      setSecret(created.secret);
      void qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] });
    },
    onError: fail,
  });
  const disable = useMutation({
    mutationFn: async (e: Endpoint) =>
      ok(await api.POST('/webhooks/{id}/disable', { params: { path: { id: e.id } } })),
    onSuccess: () => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] });
    },
    onError: fail,
  });
  const failure = endpoints.error ?? deliveries.error;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="webhooks-page">
      <Card
        title={t('webhooks')}
        extra={
          <Button
            type="primary"
            data-write="true"
            data-testid="create-webhook"
            onClick={() => {
              form.resetFields();
              setCreating(true);
            }}
          >
            {t('webhookCreate')}
          </Button>
        }
      >
        {failure && (
          <Alert
            type="error"
            showIcon
            message={
              failure instanceof ApiError
                ? errorMessage(lang, failure.body.code, failure.message)
                : t('error')
            }
          />
        )}
        {secret && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setSecret(undefined)}
            data-testid="webhook-secret"
            message={t('webhookSecretOnce')}
            description={
              <Typography.Text copyable code>
                {secret}
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Endpoint>
          rowKey="id"
          size="small"
          loading={endpoints.isLoading}
          dataSource={endpoints.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('webhookNone')} /> }}
          onRow={(e) => ({ onClick: () => setSelected(e.id), style: { cursor: 'pointer' } })}
          rowClassName={(e) => (e.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('webhookUrl'), dataIndex: 'url', render: (u: string) => <code>{u}</code> },
            {
              title: t('webhookEvents'),
              dataIndex: 'events',
              render: (es: EventType[]) => es.map((e) => <Tag key={e}>{t(e)}</Tag>),
            },
            { title: t('webhookDescription'), dataIndex: 'description' },
            {
              title: t('webhookEnabled'),
              dataIndex: 'enabled',
              render: (on: boolean) => (
                <Tag color={on ? 'green' : 'default'}>{on ? t('yes') : t('no')}</Tag>
              ),
            },
            { title: t('time'), dataIndex: 'createdAt', render: fmt },
            {
              title: t('actions'),
              render: (_: unknown, e: Endpoint) => (
                <Space data-write="true" onClick={(ev) => ev.stopPropagation()}>
                  <Button size="small" onClick={() => setSelected(e.id)}>
                    {t('webhookDeliveries')}
                  </Button>
                  {e.enabled && (
                    <Popconfirm
                      title={t('webhookConfirmDisable')}
                      okText={t('webhookDisable')}
                      cancelText={t('cancel')}
                      onConfirm={() => disable.mutate(e)}
                    >
                      <Button size="small" danger data-testid={`disable-webhook-${e.id}`}>
                        {t('webhookDisable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {selected && (
        <Card title={t('webhookDeliveries')} data-testid="webhook-deliveries">
          <Table<Delivery>
            rowKey="eventId"
            size="small"
            loading={deliveries.isLoading}
            dataSource={deliveries.data ?? []}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <Empty description={t('webhookNoDeliveries')} /> }}
            expandable={{
              expandedRowRender: (d) => (
                <Table
                  rowKey="attempt"
                  size="small"
                  pagination={false}
                  dataSource={d.attempts}
                  columns={[
                    { title: t('webhookAttempt'), dataIndex: 'attempt' },
                    { title: t('time'), dataIndex: 'attemptedAt', render: fmt },
                    { title: t('webhookStatusCode'), dataIndex: 'statusCode' },
                    { title: t('webhookDuration'), dataIndex: 'durationMs' },
                    { title: t('webhookError'), dataIndex: 'error' },
                  ]}
                />
              ),
            }}
            columns={[
              {
                title: t('webhookEventId'),
                dataIndex: 'eventId',
                render: (i: string) => <code>{i}</code>,
              },
              { title: t('webhookEvents'), dataIndex: 'eventType', render: (e: EventType) => t(e) },
              { title: t('caseNumber'), dataIndex: 'caseNumber' },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: Delivery['status']) => (
                  <Tag color={STATUS_COLOR[s]}>{t(`delivery.${s}`)}</Tag>
                ),
              },
              {
                title: t('webhookAttempts'),
                render: (_: unknown, d: Delivery) => d.attempts.length,
              },
              { title: t('time'), dataIndex: 'createdAt', render: fmt },
            ]}
          />
        </Card>
      )}
      <Modal
        open={creating}
        title={t('webhookCreate')}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnClose
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          data-testid="webhook-form"
          initialValues={{ events: EVENT_TYPES }}
        >
          <Form.Item name="url" label={t('webhookUrl')} rules={[{ required: true }]}>
            <Input placeholder="https://" autoComplete="off" />
          </Form.Item>
          <Form.Item name="events" label={t('webhookEvents')} rules={[{ required: true }]}>
            <Select mode="multiple" options={EVENT_TYPES.map((e) => ({ value: e, label: t(e) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('webhookDescription')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
