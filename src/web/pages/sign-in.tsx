/** Sign in with an API key; the service says which role it has. */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { errorText } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import { signIn, type Session } from '../state/session.js';

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (key.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(key));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('signin.invalid') : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <form class="panel sign-in-form" onSubmit={submit}>
        <h2>{t('signin.title')}</h2>
        <label class="field">
          <span class="field-label">{t('signin.key')}</span>
          <input name="apiKey" type="password" autocomplete="off" spellcheck={false} value={key} onInput={(e) => setKey(e.currentTarget.value)} required />
        </label>
        <p class="muted">{t('signin.hint')}</p>
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button class="primary" type="submit" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
