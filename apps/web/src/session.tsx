import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setAccessToken, type SessionBody } from './api/client';
import { type Lang, type MessageKey, saveLang, savedLang, translate } from './i18n/messages';

type User = SessionBody['user'];

interface AppState {
  user?: User;
  lang: Lang;
  setLang(l: Lang): void;
  signIn(s: SessionBody): void;
  signOut(): void;
  t(key: MessageKey): string;
  /** Auditors get every page read-only: no write control is rendered for them. */
  readOnly: boolean;
}

const Ctx = createContext<AppState | undefined>(undefined);

/** The session (in memory: a reload logs out) and the language (remembered in localStorage). */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User>();
  const [lang, setLangState] = useState<Lang>(savedLang);
  const value = useMemo<AppState>(
    () => ({
      user,
      lang,
      setLang: (l) => {
        saveLang(l);
        document.documentElement.lang = l;
        setLangState(l);
      },
      signIn: (s) => {
        setAccessToken(s.accessToken);
        setUser(s.user);
      },
      signOut: () => {
        setAccessToken(undefined);
        setUser(undefined);
      },
      t: (key) => translate(lang, key),
      readOnly: !!user && user.roles.includes('auditor'),
    }),
    [user, lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppStateProvider');
  return v;
}
