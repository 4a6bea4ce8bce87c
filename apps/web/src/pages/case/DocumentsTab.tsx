import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { label } from '../../i18n/messages';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import './print.css';
import { useActorName } from './queries';

type Doc = Schemas['Document'];
const keyOf = (d: Doc) => `${d.docNumber}-${d.revision}`;

const cell = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** One document as a form on paper: its fields, distribution and signatures. */
function PrintSheet({ doc, caseNumber }: { doc: Doc; caseNumber: string }) {
  const { t, lang } = useApp();
  const who = useActorName(caseNumber);
  return (
    <div className="print-sheet" data-testid="print-sheet">
      <h2 style={{ textAlign: 'center' }}>{label(lang, doc.docType)}</h2>
      <p>
        {t('docNumber')}: {doc.docNumber} · {t('revision')}: {doc.revision}
        {doc.supersedesRevision !== null &&
          ` (${t('supersedes')} ${doc.supersedesRevision})`} · {t('caseNumber')}: {caseNumber} ·{' '}
        {t('status')}: {label(lang, doc.status)}
      </p>
      <table>
        <tbody>
          {Object.entries(doc.content).map(([k, v]) => (
            <tr key={k}>
              <th style={{ width: '30%' }}>{k}</th>
              <td>{cell(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('distribution')}</h3>
      <p>
        {doc.distribution.length
          ? doc.distribution.map((d) => `${label(lang, d.department)} ×${d.copy}`).join(' · ')
          : '—'}
      </p>
      <h3>{t('signatures')}</h3>
      <table>
        <tbody>
          {doc.signatures.map((s, i) => (
            <tr key={i}>
              <td>{who(s.by)}</td>
              <td>{label(lang, s.role)}</td>
              <td>{fmt(s.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: 16, fontSize: 12 }}>
        {t('time')}: {fmt(doc.updatedAt)}
      </p>
    </div>
  );
}

/** Every revision of every document, its distribution and signatures; a printable view of each. */
export function DocumentsTab({ caseNumber }: { caseNumber: string }) {
  const { t, lang } = useApp();
  const who = useActorName(caseNumber);
  const [sheet, setSheet] = useState<string>();
  const docs = useQuery({
    queryKey: ['case', caseNumber, 'documents'],
    queryFn: async () =>
      ok(await api.GET('/cases/{caseNumber}/documents', { params: { path: { caseNumber } } })),
  });
  const rows = docs.data ?? [];
  const shown = rows.find((d) => keyOf(d) === sheet);
  return (
    <div data-testid="documents-tab">
      <Table<Doc>
        className="no-print"
        rowKey={keyOf}
        size="small"
        pagination={false}
        loading={docs.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty /> }}
        columns={[
          { title: t('docType'), dataIndex: 'docType', render: (s: string) => label(lang, s) },
          { title: t('docNumber'), dataIndex: 'docNumber' },
          {
            title: t('revision'),
            render: (_: unknown, d: Doc) =>
              d.supersedesRevision === null
                ? d.revision
                : `${d.revision} (${t('supersedes')} ${d.supersedesRevision})`,
          },
          { title: t('status'), dataIndex: 'status', render: (s: string) => label(lang, s) },
          {
            title: t('distribution'),
            render: (_: unknown, d: Doc) =>
              d.distribution.map((x) => (
                <Tag key={x.department}>
                  {label(lang, x.department)} ×{x.copy}
                </Tag>
              )),
          },
          {
            title: t('signatures'),
            render: (_: unknown, d: Doc) =>
              d.signatures.map((s, i) => (
                <div key={i}>
                  {who(s.by)} · {label(lang, s.role)} · {fmt(s.at)}
                </div>
              )),
          },
          { title: t('time'), dataIndex: 'updatedAt', render: fmt },
          {
            title: t('printView'),
            render: (_: unknown, d: Doc) => (
              <Space>
                <Button
                  size="small"
                  data-testid={`print-view-${keyOf(d)}`}
                  onClick={() => setSheet(keyOf(d) === sheet ? undefined : keyOf(d))}
                >
                  {t('printView')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setSheet(keyOf(d));
                    setTimeout(() => window.print(), 50);
                  }}
                >
                  {t('print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {shown && <PrintSheet doc={shown} caseNumber={caseNumber} />}
    </div>
  );
}
