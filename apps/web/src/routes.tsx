import { Button, Layout, Select, Space, Spin, Typography } from 'antd';
import { Suspense, lazy, useEffect } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, setOnUnauthenticated } from './api/client';
import type { Lang } from './i18n/messages';
import { InboxBadge } from './pages/inbox-watch';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { NavMenu } from './nav';
import { CASE_ROUTES } from './routes.case';
import { useApp } from './session';

// Code-split: the login + inbox route ships without the task form (and the API document it
// renders from) or the case page.
const TaskPage = lazy(() => import('./pages/TaskPage').then((m) => ({ default: m.TaskPage })));
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));

export function LanguageSwitch() {
  const { lang, setLang, t } = useApp();
  return (
    <Select<Lang>
      aria-label={t('language')}
      data-testid="language"
      value={lang}
      onChange={setLang}
      style={{ width: 110 }}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'English' },
      ]}
    />
  );
}

function Shell() {
  const { user, t, signOut } = useApp();
  const navigate = useNavigate();
  useEffect(() => {
    setOnUnauthenticated(() => {
      signOut();
      navigate('/login');
    });
  }, [navigate, signOut]);
  const logout = async () => {
    // Ends the cookie's sessions and clears the httpOnly cookie (the page cannot).
    await api.POST('/auth/web/logout', {}).catch(() => undefined);
    signOut();
    navigate('/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600 }}>
          {t('appTitle')}
        </Link>
        <InboxBadge>
          <Link to="/" style={{ color: '#fff' }}>
            {t('inbox')}
          </Link>
        </InboxBadge>
        <NavMenu />
        <Space style={{ marginLeft: 'auto' }}>
          <Typography.Text style={{ color: '#fff' }} data-testid="whoami">
            {user?.displayName} ({user?.username})
          </Typography.Text>
          <LanguageSwitch />
          <Button onClick={() => void logout()}>{t('logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="/" element={<InboxPage />} />
            <Route path="/tasks/:taskId" element={<TaskPage />} />
            <Route path="/cases/:caseNumber" element={<CasePage />} />
            {CASE_ROUTES}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

export function AppRoutes() {
  const { user, restoring } = useApp();
  const location = useLocation();
  if (restoring) return <Spin fullscreen />;
  if (!user && location.pathname !== '/login')
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="*" element={<Shell />} />
    </Routes>
  );
}
