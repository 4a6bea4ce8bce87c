import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api, ok } from '../api/client';
import { errorMessage } from '../i18n/messages';
import { LanguageSwitch } from '../routes';
import { useApp } from '../session';
import { Panel } from './Panel';

const ORG_KEY = 'aso.organisation';

export function LoginPage() {
  const { t, lang, signIn } = useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { organisation: string; username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = ok(await api.POST('/auth/web/login', { body: v }));
      window.localStorage.setItem(ORG_KEY, v.organisation);
      signIn(session);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? errorMessage(lang, e.body.code, e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>
      <Panel title={t('appTitle')} level={1} extra={<LanguageSwitch />} style={{ width: 380 }}>
        <Form
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ organisation: window.localStorage.getItem(ORG_KEY) ?? 'demo' }}
        >
          <Form.Item name="organisation" label={t('organisation')} rules={[{ required: true }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            {error && <Alert type="error" message={error} data-testid="login-error" />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login')}
            </Button>
          </Space>
        </Form>
      </Panel>
    </div>
  );
}
