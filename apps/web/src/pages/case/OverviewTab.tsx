import { Descriptions, Typography } from 'antd';
import type { CaseView } from '../../api/client';
import { label, type MessageKey } from '../../i18n/messages';
import { fmt, yuan } from '../../lib/format';
import { useApp } from '../../session';

/** Intake fields the page names (complaint 001 §25.1); other intake keys are shown as they are. */
const INTAKE: Array<[string, MessageKey]> = [
  ['orderNumber', 'orderNumber'],
  ['batchNumber', 'batchNumber'],
  ['shipDate', 'shipDate'],
  ['defectiveQuantity', 'quantity'],
  ['demand', 'demand'],
  ['reasons', 'defect'],
  ['channel', 'channel'],
  ['salesOpinion', 'salesOpinion'],
];

const show = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '—'
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);

/** The intake as recorded, and what the case has decided so far. */
export function OverviewTab({ c }: { c: CaseView }) {
  const { t, lang } = useApp();
  const state = (c.live?.state ?? {}) as Record<string, unknown>;
  const intake = (state.intake ?? {}) as Record<string, unknown>;
  const named = new Set(INTAKE.map(([k]) => k));
  const rest = Object.entries(intake).filter(([k]) => !named.has(k) && k !== 'customerName');
  return (
    <div data-testid="overview">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('customer')}>
          {c.customer.name} {c.customer.phone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('openedBy')}>{c.openedBy}</Descriptions.Item>
        {INTAKE.map(([key, msg]) => {
          const v =
            intake[key] ??
            (key === 'orderNumber'
              ? c.orderNumber
              : key === 'defectiveQuantity'
                ? c.quantity
                : key === 'reasons'
                  ? c.defectDescription
                  : undefined);
          return (
            <Descriptions.Item key={key} label={t(msg)}>
              {key === 'channel' && typeof v === 'string' ? label(lang, v) : show(v)}
            </Descriptions.Item>
          );
        })}
        {rest.map(([k, v]) => (
          <Descriptions.Item key={k} label={k}>
            {show(v)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('classification')}>
          {c.classification ? label(lang, c.classification) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('severity')}>
          {c.severity ? label(lang, c.severity) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('method')}>
          {c.method ? label(lang, c.method) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('lossAmount')}>{yuan(c.lossAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('approvedAmount')}>
          {yuan(c.approvedAmountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('closedAt')}>{fmt(c.closedAt)}</Descriptions.Item>
      </Descriptions>
      {c.live?.writeIncidents.length ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
          {c.live.writeIncidents.map((w) => `${w.code}: ${w.message}`).join(' · ')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
