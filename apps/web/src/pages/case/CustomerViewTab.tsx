import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Steps, Timeline } from 'antd';
import { api, ok } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';

const PROGRESS = ['received', 'in_progress', 'decided', 'closed'] as const;

/** The case as the customer would see it (GET /cases/:n/customer-view: allow-listed, masked). */
export function CustomerViewTab({ caseNumber }: { caseNumber: string }) {
  const { t, lang } = useApp();
  const view = useQuery({
    queryKey: ['case', caseNumber, 'customer-view'],
    queryFn: async () =>
      ok(await api.GET('/cases/{caseNumber}/customer-view', { params: { path: { caseNumber } } })),
  });
  if (view.isLoading) return <Spin />;
  const v = view.data;
  if (!v) return null;
  return (
    <Card size="small" data-testid="customer-view" style={{ maxWidth: 720 }}>
      <Steps
        size="small"
        current={PROGRESS.indexOf(v.progress)}
        items={PROGRESS.map((p) => ({ title: label(lang, p) }))}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('caseNumber')}>{v.caseNumber}</Descriptions.Item>
        <Descriptions.Item label={t('caseType')}>{label(lang, v.type)}</Descriptions.Item>
        <Descriptions.Item label={t('customer')}>
          {v.customer.name} {v.customer.phone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('orderNumber')}>{v.orderNumber}</Descriptions.Item>
        <Descriptions.Item label={t('defect')}>{v.defectDescription ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('quantity')}>{v.quantity ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('openedAt')}>{fmt(v.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('acceptedAt')}>{fmt(v.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('closedAt')}>{fmt(v.closedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('decision')}>
          {v.decision ? `${label(lang, v.decision.method)} ${yuan(v.decision.amountFen)}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      {/* C33: what the customer was told, when and on which channel */}
      {v.notices.length > 0 && (
        <Timeline
          style={{ marginTop: 16 }}
          data-testid="customer-notices"
          items={v.notices.map((n) => ({
            children: `${fmt(n.at)} · ${label(lang, n.channel)} · ${n.message}`,
          }))}
        />
      )}
    </Card>
  );
}
