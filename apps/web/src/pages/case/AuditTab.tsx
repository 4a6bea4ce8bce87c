import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, ok, type Schemas } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { saveBlob, saveJson } from '../../lib/download';
import { fmt } from '../../lib/format';
import { downloadXlsx, sheet } from '../../lib/xlsx';
import { useApp } from '../../session';
import { AsOfPanel } from './AsOfPanel';
import { useAuditExport } from './queries';

type Verification = Schemas['AuditVerification'];

/** The verification as a badge: valid (n events) or broken at #seq. */
export function VerifyBadge({ v }: { v: Verification | undefined }) {
  const { t } = useApp();
  if (!v) return null;
  return (
    <Badge
      data-testid="verify-badge"
      data-valid={v.valid}
      status={v.valid ? 'success' : 'error'}
      text={
        v.valid
          ? `${t('verified')} (${v.count})`
          : `${t('broken')} #${v.firstBrokenSeq ?? v.disagreements?.[0]?.subject ?? ''}`
      }
    />
  );
}

export const useVerify = (caseNumber: string, against?: 'history') =>
  useQuery({
    queryKey: ['case', caseNumber, 'verify', against ?? 'chain'],
    queryFn: async () =>
      ok(
        await api.GET('/cases/{caseNumber}/audit/verify', {
          params: { path: { caseNumber }, query: against ? { against } : {} },
        }),
      ),
    enabled: against === undefined,
  });

/** Every event with actor, time and data; verification; exports (CSV/JSON by the API, XLSX). */
export function AuditTab({ caseNumber }: { caseNumber: string }) {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const exp = useAuditExport(caseNumber);
  const verify = useVerify(caseNumber);
  const history = useVerify(caseNumber, 'history');
  const [busy, setBusy] = useState(false);
  const actors = exp.data?.actors ?? {};
  const who = (id: string) =>
    actors[id] ? `${actors[id].displayName} (${actors[id].username})` : id;
  const events = exp.data?.events ?? [];
  const fail = (e: unknown) =>
    void message.error(
      e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
    );
  const csv = async () => {
    try {
      const blob = ok(
        await api.GET('/cases/{caseNumber}/audit/export', {
          params: { path: { caseNumber }, query: { format: 'csv' } },
          parseAs: 'blob',
        }),
      ) as unknown as Blob;
      saveBlob(blob, `${caseNumber}-audit.csv`);
    } catch (e) {
      fail(e);
    }
  };
  const xlsx = async () => {
    if (!exp.data) return;
    setBusy(true);
    try {
      const data = exp.data;
      await downloadXlsx(`${caseNumber}-audit.xlsx`, [
        sheet<Schemas['AuditEvent']>({
          name: t('audit'),
          rows: data.events,
          columns: [
            { header: t('seq'), value: (e) => e.seq, width: 8 },
            { header: t('time'), value: (e) => fmt(e.occurredAt), width: 18 },
            { header: t('actor'), value: (e) => who(e.actor), width: 28 },
            { header: t('action'), value: (e) => e.action, width: 36 },
            { header: t('policyVersion'), value: (e) => e.policyVersion, width: 10 },
            { header: t('data'), value: (e) => JSON.stringify(e.data), width: 80 },
            { header: 'hash', value: (e) => e.hash, width: 66 },
            { header: 'prevHash', value: (e) => e.prevHash, width: 66 },
          ],
        }),
        sheet<Verification>({
          name: t('verified'),
          rows: [data.verification],
          columns: [
            { header: t('caseNumber'), value: () => caseNumber },
            { header: 'valid', value: (v) => v.valid },
            { header: 'count', value: (v) => v.count },
            { header: 'firstBrokenSeq', value: (v) => v.firstBrokenSeq },
            { header: 'reason', value: (v) => v.reason },
            { header: 'exportedAt', value: () => data.exportedAt },
          ],
        }),
      ]);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="audit-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        <VerifyBadge v={verify.data} />
        {history.data && (
          <span data-testid="verify-history">
            <VerifyBadge v={history.data} />
          </span>
        )}
        <Button size="small" onClick={() => void verify.refetch()} data-testid="verify-again">
          {t('verifyAgain')}
        </Button>
        <Button
          size="small"
          loading={history.isFetching}
          onClick={() => void history.refetch()}
          data-testid="verify-history-button"
        >
          {t('verifyAgainstHistory')}
        </Button>
        <Button size="small" onClick={() => void csv()} data-testid="export-csv">
          {t('exportCsv')}
        </Button>
        <Button
          size="small"
          disabled={!exp.data}
          onClick={() => exp.data && saveJson(exp.data, `${caseNumber}-audit.json`)}
          data-testid="export-json"
        >
          {t('exportJson')}
        </Button>
        <Button
          size="small"
          loading={busy}
          disabled={!exp.data}
          onClick={() => void xlsx()}
          data-testid="export-xlsx"
        >
          {t('exportXlsx')}
        </Button>
      </Space>
      <AsOfPanel caseNumber={caseNumber} events={events} />
      <Timeline
        data-testid="audit-timeline"
        items={events.map((e) => ({
          color: e.action === 'ActionRefused' ? 'red' : 'blue',
          children: (
            <div data-seq={e.seq}>
              <Typography.Text strong>
                #{e.seq} {label(lang, e.action)}
              </Typography.Text>{' '}
              · {who(e.actor)} · {fmt(e.occurredAt)}
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
                {JSON.stringify(e.data)}
              </pre>
            </div>
          ),
        }))}
      />
    </div>
  );
}
