import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Image, Select, Space, Table, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, ok, type Schemas } from '../../api/client';
import { errorMessage, label } from '../../i18n/messages';
import { dataUrlOf, saveBlob } from '../../lib/download';
import { fmt } from '../../lib/format';
import { useApp } from '../../session';
import { useActorName } from './queries';

type Attachment = Schemas['Attachment'];
const KINDS = ['photo', 'sample_record', 'scan', 'other'] as const;

async function fetchFile(caseNumber: string, id: string): Promise<Blob> {
  return ok(
    await api.GET('/cases/{caseNumber}/attachments/{id}', {
      params: { path: { caseNumber, id } },
      parseAs: 'blob',
    }),
  ) as unknown as Blob;
}

/** An image attachment as a thumbnail (a data: URL: the CSP allows images from 'self' and data:). */
function Thumb({ caseNumber, a }: { caseNumber: string; a: Attachment }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void fetchFile(caseNumber, a.id)
      .then(dataUrlOf)
      .then((u) => live && setSrc(u))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseNumber, a.id]);
  if (!src) return null;
  return <Image src={src} width={64} alt={a.filename} data-testid={`preview-${a.filename}`} />;
}

/** Upload (not auditors), image preview and download of the case's attachments. */
export function AttachmentsTab({ caseNumber }: { caseNumber: string }) {
  const { t, lang, readOnly } = useApp();
  const { message } = App.useApp();
  const who = useActorName(caseNumber);
  const qc = useQueryClient();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('photo');
  const list = useQuery({
    queryKey: ['case', caseNumber, 'attachments'],
    queryFn: async () =>
      ok(await api.GET('/cases/{caseNumber}/attachments', { params: { path: { caseNumber } } })),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return ok(
        await api.POST('/cases/{caseNumber}/attachments', {
          params: { path: { caseNumber } },
          body: form as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('uploaded'));
      void qc.invalidateQueries({ queryKey: ['case', caseNumber, 'attachments'] });
      void qc.invalidateQueries({ queryKey: ['case', caseNumber, 'audit-export'] });
    },
    onError: (e) =>
      void message.error(
        e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
      ),
  });
  const download = async (a: Attachment) => {
    try {
      saveBlob(await fetchFile(caseNumber, a.id), a.filename);
    } catch (e) {
      void message.error(
        e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e),
      );
    }
  };
  return (
    <div data-testid="attachments-tab">
      {!readOnly && (
        <Space style={{ marginBottom: 12 }} data-write="true">
          <Select
            aria-label={t('kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={KINDS.map((k) => ({ value: k, label: label(lang, k) }))}
          />
          <Upload.Dragger
            data-testid="upload"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            showUploadList={false}
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: () => onSuccess?.({}),
                onError: (e) => onError?.(e as Error),
              });
            }}
            style={{ padding: '0 24px' }}
          >
            {t('upload')}
          </Upload.Dragger>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={t('noAttachments')} /> }}
        onRow={(a) => ({ 'data-filename': a.filename }) as object}
        columns={[
          {
            title: t('preview'),
            render: (_: unknown, a: Attachment) =>
              a.contentType.startsWith('image/') ? <Thumb caseNumber={caseNumber} a={a} /> : null,
          },
          { title: t('filename'), dataIndex: 'filename' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => label(lang, k) },
          {
            title: t('size'),
            dataIndex: 'size',
            render: (n: number) => `${(n / 1024).toFixed(1)} KB`,
          },
          { title: t('uploadedBy'), dataIndex: 'uploadedBy', render: (u: string) => who(u) },
          { title: t('uploadedAt'), dataIndex: 'uploadedAt', render: fmt },
          {
            title: t('download'),
            render: (_: unknown, a: Attachment) => (
              <Button size="small" onClick={() => void download(a)}>
                {t('download')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
