import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { label, type MessageKey } from '../i18n/messages';
import { useApp } from '../session';

/** The explanation record of an approval route (libs/domain approval/route-approval.ts). */
interface RouteView {
  action: string;
  amountFen: number;
  steps: Array<{ index: number; role: string; department?: string; basis: string; source: string }>;
  explanation: {
    inputs: { amount: string };
    policyVersion: number;
    matchedRow: { id: string; action: string; upToFen: number | null; basis: string };
    bracket: { aboveFen: number | null; upToFen: number | null };
    mandatoryAdded: Array<{ role: string; basis: string }>;
  };
}

const isRoute = (v: unknown): v is RouteView =>
  !!v &&
  typeof v === 'object' &&
  Array.isArray((v as RouteView).steps) &&
  !!(v as RouteView).explanation?.matchedRow;

/**
 * The approval route the case is on now, from the live view's domain state: the last form
 * revision's route, else the last route the state keeps beside the revisions.
 */
export function currentRoute(state: Record<string, unknown> | undefined): RouteView | undefined {
  if (!state) return undefined;
  const revisions = Array.isArray(state.revisions) ? (state.revisions as unknown[]) : [];
  const last = revisions[revisions.length - 1] as { route?: unknown } | undefined;
  if (isRoute(last?.route)) return last.route;
  const others = Object.values((state.approvalRoutes as Record<string, unknown>) ?? {});
  return others.filter(isRoute).pop();
}

const yuan = (fen: number | null, t: (k: MessageKey) => string) =>
  fen === null ? t('noLimit') : `¥${(fen / 100).toFixed(2)}`;

export function ApprovalRoute({ route }: { route: RouteView }) {
  const { t, lang, user } = useApp();
  const e = route.explanation;
  return (
    <Card size="small" title={t('approvalRoute')} data-testid="approval-route">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('approvalAmount')}>{e.inputs.amount}</Descriptions.Item>
        <Descriptions.Item label={t('matchedRow')}>
          {e.matchedRow.id} · {label(lang, e.matchedRow.action)} · {t('upTo')}{' '}
          {yuan(e.matchedRow.upToFen, t)}
          <br />
          <Typography.Text type="secondary">{e.matchedRow.basis}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('policyVersion')}>v{e.policyVersion}</Descriptions.Item>
        {user?.approvalLimitFen != null && (
          <Descriptions.Item label={t('myLimit')}>
            {yuan(user.approvalLimitFen, t)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <List
        size="small"
        header={t('steps')}
        dataSource={route.steps}
        renderItem={(s) => (
          <List.Item>
            {s.index + 1}. {label(lang, s.role)}
            {s.department ? ` (${label(lang, s.department)})` : ''}{' '}
            {s.source === 'mandatory' && <Tag>{t('mandatory')}</Tag>}
            <Typography.Text type="secondary"> {s.basis}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
