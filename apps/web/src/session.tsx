import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  rememberSession,
  renewSession,
  setAccessToken,
  setOnSession,
  type SessionBody,
} from './api/client';
import { type Lang, type MessageKey, saveLang, savedLang, translate } from './i18n/messages';

type User = SessionBody['user'];

interface AppState {
  user?: User;
  /** true until the page has asked the refresh cookie for a session (on load) */
  restoring: boolean;
  lang: Lang;
  setLang(l: Lang): void;
  signIn(s: SessionBody): void;
  signOut(): void;
  t(key: MessageKey): string;
  /** Auditors get every page read-only: no write control is rendered for them. */
  readOnly: boolean;
}

const Ctx = createContext<AppState | undefined>(undefined);

/**
 * The session (the access token in memory; on load it is renewed from the httpOnly refresh
 * cookie, so a reload keeps you signed in) and the language (remembered in localStorage).
 */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User>();
  const [restoring, setRestoring] = useState(true);
  const [lang, setLangState] = useState<Lang>(savedLang);
  useEffect(() => {
    setOnSession((s) => setUser(s.user));
    let live = true;
    void renewSession().then(() => live && setRestoring(false));
    return () => {
      live = false;
    };
  }, []);
  const value = useMemo<AppState>(
    () => ({
      user,
      restoring,
      lang,
      setLang: (l) => {
        saveLang(l);
        document.documentElement.lang = l;
        setLangState(l);
      },
      signIn: (s) => {
        rememberSession(s);
        setUser(s.user);
      },
      signOut: () => {
        setAccessToken(undefined);
        setUser(undefined);
      },
      t: (key) => translate(lang, key),
      readOnly: !!user && user.roles.includes('auditor'),
    }),
    [user, restoring, lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppStateProvider');
  return v;
}
