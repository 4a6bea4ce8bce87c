import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Radio, Spin, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, ok, type Schemas } from '../api/client';
import { Fields, showIssues, toPayload, type JsonSchema } from '../form/SchemaForm';
import { errorMessage } from '../i18n/messages';
import { useApp } from '../session';

type CaseType = Schemas['CaseType'];

/** What the attachment is, from its file type (the API's attachment kinds). */
const kindOf = (file: File) =>
  file.type.startsWith('image/') ? 'photo' : file.type === 'application/pdf' ? 'scan' : 'other';

const newKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Open a case (issue 11): the forms come from GET /case-types — every case type the API offers
 * with its body's JSON Schema — so a new case type appears here without UI code. The complaint's
 * intake (001 §25.1) takes its attachments by drag-and-drop; they are uploaded to the new case
 * right after it is opened. One Idempotency-Key per filled form: a retried submit opens one case.
 */
export function OpenCasePage() {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [search] = useSearchParams();
  // ?type=consignment: the page that links here (the consignment list) picks the form.
  const [chosen, setChosen] = useState<string | undefined>(search.get('type') ?? undefined);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const types = useQuery({
    queryKey: ['case-types'],
    queryFn: async () => ok(await api.GET('/case-types')),
    staleTime: Infinity,
  });
  const offered = useMemo(() => (types.data ?? []).filter((c) => c.mayOpen), [types.data]);
  if (types.isLoading) return <Spin />;
  if (types.error)
    return (
      <Alert
        type="error"
        message={
          types.error instanceof ApiError
            ? errorMessage(lang, types.error.body.code, types.error.message)
            : t('error')
        }
      />
    );
  const offer: CaseType | undefined = offered.find((c) => c.type === chosen) ?? offered[0];
  if (!offer)
    return (
      <Card title={t('newCase')} data-testid="open-case-page">
        <Empty description={t('noCaseTypes')} />
      </Card>
    );
  const schema = offer.schema as JsonSchema;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    const body = (toPayload(schema, values) as object | undefined) ?? {};
    const r = await api.POST(offer.path as '/complaints', {
      body: body as never,
      headers: { 'Idempotency-Key': key },
    });
    try {
      const opened = ok(r) as { caseNumber: string };
      const failed: string[] = [];
      for (const f of files) {
        const file = f.originFileObj as File | undefined;
        if (!file) continue;
        const data = new FormData();
        data.append('kind', kindOf(file));
        data.append('file', file, file.name);
        const up = await api.POST('/cases/{caseNumber}/attachments', {
          params: { path: { caseNumber: opened.caseNumber } },
          body: data as never,
          bodySerializer: (b: unknown) => b as FormData,
        });
        if (!up.response.ok) failed.push(file.name);
      }
      if (failed.length) void message.warning(`${t('uploadFailed')}: ${failed.join(', ')}`);
      void message.success(`${t('caseOpened')} ${opened.caseNumber}`);
      // Marked stale, not awaited: the inbox refetches when shown (and the watch polls).
      void qc.invalidateQueries({ queryKey: ['inbox'], refetchType: 'none' });
      // A consignment has its own page (the list with its codes and labels); others the case's.
      navigate(
        offer.type === 'consignment'
          ? `/consignments/${opened.caseNumber}`
          : `/cases/${opened.caseNumber}`,
      );
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(String(e));
      const issues = (e.body.details?.issues ?? []) as Array<{ path: string; message: string }>;
      const unplaced = showIssues(form, issues, 'body');
      setError(
        [
          errorMessage(lang, e.body.code, e.message),
          ...unplaced.map((i) => `${i.path}: ${i.message}`),
        ].join(' · '),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('newCase')} data-testid="open-case-page">
      <Radio.Group
        aria-label={t('caseType')}
        optionType="button"
        buttonStyle="solid"
        value={offer.type}
        onChange={(e) => {
          setChosen(e.target.value as string);
          setFiles([]);
          setError(undefined);
          setKey(newKey());
          form.resetFields();
        }}
        style={{ marginBottom: 16 }}
        data-testid="case-types"
        options={offered.map((c) => ({
          value: c.type,
          label: <span data-testid={`case-type-${c.type}`}>{c.labels[lang]}</span>,
        }))}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setKey(newKey())}
        key={offer.type}
        data-testid={`open-${offer.type}`}
        style={{ maxWidth: 720 }}
      >
        <Fields schema={schema} path={[]} skip={['attachments']} />
        {offer.attachments && (
          <Form.Item label={t('attachments')}>
            <div data-testid="intake-files">
              <Upload.Dragger
                accept="image/jpeg,image/png,image/webp,application/pdf"
                multiple
                fileList={files}
                beforeUpload={(file) => {
                  setFiles((fs) => [
                    ...fs,
                    { uid: file.uid, name: file.name, originFileObj: file },
                  ]);
                  return false;
                }}
                onRemove={(file) => setFiles((fs) => fs.filter((f) => f.uid !== file.uid))}
              >
                {t('dropFiles')}
              </Upload.Dragger>
            </div>
          </Form.Item>
        )}
        {error && (
          <Alert
            type="error"
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="form-error"
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
          {t('openTheCase')}
        </Button>
      </Form>
    </Card>
  );
}
