import { Alert, Card, Space, Spin, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { errorMessage } from '../i18n/messages';
import { useApp } from '../session';
import { AttachmentsTab } from './case/AttachmentsTab';
import { AuditTab, VerifyBadge, useVerify } from './case/AuditTab';
import { CaseHeader, TemporalLink } from './case/CaseHeader';
import { CustomerViewTab } from './case/CustomerViewTab';
import { DocumentsTab } from './case/DocumentsTab';
import { LinkedCases } from './case/LinkedCases';
import { OverviewTab } from './case/OverviewTab';
import { TasksTab } from './case/TasksTab';
import { useCase } from './case/queries';

const TABS = [
  'overview',
  'tasks',
  'documents',
  'attachments',
  'audit',
  'linked',
  'customer',
] as const;
type TabKey = (typeof TABS)[number];

/** A case: header with its clocks, and the tabs (the open tab is in the URL: ?tab=audit). */
export function CasePage() {
  const { caseNumber = '' } = useParams();
  const { t, lang } = useApp();
  const [search, setSearch] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as TabKey)
    : 'overview';
  const view = useCase(caseNumber);
  const verify = useVerify(caseNumber);
  if (view.isLoading) return <Spin />;
  if (view.error)
    return (
      <Space direction="vertical">
        <Alert
          type="error"
          data-testid="case-error"
          message={
            view.error instanceof ApiError
              ? errorMessage(lang, view.error.body.code, view.error.message)
              : t('error')
          }
        />
        <TemporalLink caseNumber={caseNumber} />
      </Space>
    );
  const c = view.data!;
  const count = (n: number) => (n ? ` (${n})` : '');
  return (
    <Card data-testid="case-page">
      <CaseHeader c={c} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          { key: 'overview', label: t('overview'), children: <OverviewTab c={c} /> },
          {
            key: 'tasks',
            label: `${t('tasks')}${count(c.tasks.length)}`,
            children: <TasksTab c={c} />,
          },
          {
            key: 'documents',
            label: t('documents'),
            children: <DocumentsTab caseNumber={caseNumber} />,
          },
          {
            key: 'attachments',
            label: t('attachments'),
            children: <AttachmentsTab caseNumber={caseNumber} />,
          },
          {
            key: 'audit',
            label: (
              <span>
                {t('audit')} <VerifyBadge v={verify.data} />
              </span>
            ),
            children: <AuditTab caseNumber={caseNumber} />,
          },
          {
            key: 'linked',
            label: `${t('linkedCases')}${count(
              c.childCaseNumbers.length + (c.parentCaseNumber ? 1 : 0),
            )}`,
            children: <LinkedCases c={c} />,
          },
          {
            key: 'customer',
            label: t('customerView'),
            children: <CustomerViewTab caseNumber={caseNumber} />,
          },
        ]}
      />
    </Card>
  );
}
