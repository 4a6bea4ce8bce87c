import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { errorMessage } from '../i18n/messages';
import { useApp } from '../session';

/** An API refusal shown as the error code's zh-CN / en message (the one message table). */
export function ApiErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t, lang } = useApp();
  return (
    <Alert
      type="error"
      data-testid={testId}
      message={
        error instanceof ApiError ? errorMessage(lang, error.body.code, error.message) : t('error')
      }
    />
  );
}
