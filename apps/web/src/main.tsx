import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './routes';
import { AppStateProvider, useApp } from './session';
import { theme } from './theme';

dayjs.extend(relativeTime);

// The API serves this page with a per-response style nonce (apps/api/src/web/serve-web.ts).
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
if (window.location.pathname === '/') window.history.replaceState(null, '', '/app/');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useApp();
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} csp={{ nonce }} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppStateProvider>
        <Localised>
          <BrowserRouter basename="/app">
            <AppRoutes />
          </BrowserRouter>
        </Localised>
      </AppStateProvider>
    </QueryClientProvider>
  </StrictMode>,
);
