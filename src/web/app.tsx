/**
 * The console: language, session (restored from this tab's stored key), and the page the hash
 * names. Everything below reads the session and language from context.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { AppHeader } from './components/app-header.js';
import { Loading } from './components/common.js';
import { I18nContext, makeI18n, storeLang, storedLang } from './i18n/i18n.js';
import type { Lang } from './i18n/messages.js';
import { RunPage } from './pages/run-page.js';
import { RunsPage } from './pages/runs-page.js';
import { SignIn } from './pages/sign-in.js';
import { clearLookups } from './state/lookups.js';
import { useRoute } from './state/route.js';
import { SessionContext, signIn, signOut, storedKey, type Session } from './state/session.js';

function useLanguage() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = i18n.t('app.title');
  }, [i18n]);
  const toggle = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    storeLang(next);
    setLang(next);
  };
  return { i18n, toggle };
}

/** The session of this tab: restored once from the stored key, if it is still valid. */
function useStoredSession() {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== undefined);
  useEffect(() => {
    const key = storedKey();
    if (key === undefined) return;
    signIn(key)
      .then(setSession, () => signOut())
      .finally(() => setRestoring(false));
  }, []);
  return { session, setSession, restoring };
}

function Pages() {
  const route = useRoute();
  return route.page === 'run' ? <RunPage route={route} /> : <RunsPage />;
}

export function App() {
  const { i18n, toggle } = useLanguage();
  const { session, setSession, restoring } = useStoredSession();
  const leave = () => {
    signOut();
    clearLookups();
    setSession(null);
  };
  return (
    <I18nContext.Provider value={i18n}>
      <AppHeader caller={session?.caller} onToggleLang={toggle} onSignOut={leave} />
      {restoring ? (
        <main>
          <Loading />
        </main>
      ) : session ? (
        <SessionContext.Provider value={session}>
          <main>
            <Pages />
          </main>
        </SessionContext.Provider>
      ) : (
        <SignIn onSignedIn={setSession} />
      )}
    </I18nContext.Provider>
  );
}
