import { Descriptions, Space, Tag, Typography } from 'antd';
import type { CaseView } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { BusinessClock } from './BusinessClock';
import { temporalWorkflowUrl } from './temporal';

export const isAdmin = (roles: readonly string[] | undefined) => !!roles?.includes('admin');

/** Admins: the case's workflow in the Temporal UI (its id is the case number). */
export function TemporalLink({ caseNumber }: { caseNumber: string }) {
  const { t, user } = useApp();
  const url = temporalWorkflowUrl(caseNumber);
  if (!isAdmin(user?.roles) || !url) return null;
  return (
    <Typography.Link href={url} target="_blank" rel="noreferrer" data-testid="temporal-link">
      {t('workflowInTemporal')}
    </Typography.Link>
  );
}

/** Number, type, status, stage, policy version and the clocks (due and business time left). */
export function CaseHeader({ c }: { c: CaseView }) {
  const { t, lang, readOnly } = useApp();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
          {c.caseNumber}
        </Typography.Title>
        <Tag color="blue">{label(lang, c.type)}</Tag>
        <Tag data-testid="case-status">{label(lang, c.status)}</Tag>
        {c.overdue && <Tag color="red">{t('overdue')}</Tag>}
        {readOnly && <Tag data-testid="read-only">{t('readOnly')}</Tag>}
        <TemporalLink caseNumber={c.caseNumber} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('status')}>{label(lang, c.status)}</Descriptions.Item>
        <Descriptions.Item label={t('stage')}>{label(lang, c.stage)}</Descriptions.Item>
        <Descriptions.Item label={t('policyVersion')}>v{c.policyVersion}</Descriptions.Item>
        <Descriptions.Item label={t('customer')}>
          {c.customer.name} {c.customer.phone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('openedAt')}>{fmt(c.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('acceptedAt')}>{fmt(c.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('closingClock')}>
          {c.closedAt ? (
            <span>
              {fmt(c.closingDueAt)} · {t('closedAt')} {fmt(c.closedAt)}{' '}
              {c.closedOnTime !== null && (
                <Tag color={c.closedOnTime ? 'green' : 'red'}>
                  {t('closedOnTime')}: {c.closedOnTime ? t('yes') : t('no')}
                </Tag>
              )}
            </span>
          ) : (
            <BusinessClock
              clock={c.businessTime.closing}
              dueAt={c.closingDueAt}
              testId="closing-clock"
            />
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
