import { Empty, List, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView } from '../../api/client';
import { caseTypeOf, label } from '../../i18n/messages';
import { useApp } from '../../session';

/** The parent case and the child cases (returns, repairs), each a link to its case page. */
export function LinkedCases({ c }: { c: CaseView }) {
  const { t, lang } = useApp();
  const parent = c.parentCaseNumber ?? c.live?.parentCaseNumber ?? null;
  const children = [...new Set([...c.childCaseNumbers, ...(c.live?.childCaseNumbers ?? [])])];
  if (!parent && children.length === 0) return <Empty description={t('noLinkedCases')} />;
  const item = (n: string) => (
    <List.Item>
      <Space>
        <Link to={`/cases/${n}`} data-testid={`linked-${n}`}>
          {n}
        </Link>
        <span>{label(lang, caseTypeOf(n))}</span>
      </Space>
    </List.Item>
  );
  return (
    <div data-testid="linked-cases">
      {parent && (
        <List size="small" header={t('parentCase')} dataSource={[parent]} renderItem={item} />
      )}
      {children.length > 0 && (
        <List size="small" header={t('childCases')} dataSource={children} renderItem={item} />
      )}
    </div>
  );
}
