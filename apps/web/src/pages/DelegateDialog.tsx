import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, ok, type InboxItem } from '../api/client';
import { errorMessage } from '../i18n/messages';
import { useApp } from '../session';

/** Delegate a task to someone who fits it (the API lists them: GET /tasks/{id}/delegates). */
export function DelegateDialog({
  task,
  onClose,
  onError,
}: {
  task: InboxItem;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  const { t, lang } = useApp();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [to, setTo] = useState<string>();
  const candidates = useQuery({
    queryKey: ['delegates', task.taskId],
    queryFn: async () =>
      ok(
        await api.GET('/tasks/{taskId}/delegates', {
          params: { path: { taskId: task.taskId } },
        }),
      ),
  });
  const send = useMutation({
    mutationFn: async (userId: string) =>
      ok(
        await api.POST('/tasks/{taskId}/delegate', {
          params: { path: { taskId: task.taskId } },
          body: { to: { userId } },
        }),
      ),
    onSuccess: () => {
      void message.success(t('delegated'));
      void qc.invalidateQueries({ queryKey: ['inbox'] });
      onClose();
    },
    onError,
  });
  const refused = candidates.error;
  return (
    <Modal
      open
      title={`${t('delegate')} · ${task.taskId}`}
      onCancel={onClose}
      onOk={() => to && send.mutate(to)}
      okButtonProps={{ disabled: !to, loading: send.isPending, id: 'delegate-ok' }}
      okText={t('delegate')}
    >
      {refused ? (
        <Typography.Text type="danger" data-testid="delegate-error">
          {refused instanceof ApiError
            ? errorMessage(lang, refused.body.code, refused.message)
            : String(refused)}
        </Typography.Text>
      ) : (
        <Select
          aria-label={t('delegateTo')}
          placeholder={t('delegateTo')}
          style={{ width: '100%' }}
          loading={candidates.isLoading}
          value={to}
          onChange={setTo}
          notFoundContent={t('noDelegates')}
          data-testid="delegate-to"
          options={(candidates.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))}
        />
      )}
    </Modal>
  );
}
