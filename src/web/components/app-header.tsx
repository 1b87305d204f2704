/** The top bar: the console's name, who is signed in with which role, language, sign out. */
import type { Caller } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

export function AppHeader({ caller, onToggleLang, onSignOut }: { caller: Caller | undefined; onToggleLang: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <header class="app-header">
      <a class="brand" href="#/">
        <span class="brand-mark" aria-hidden="true">
          结
        </span>
        <span>
          <strong class="brand-title">{t('app.title')}</strong>
          <span class="brand-subtitle">{t('app.subtitle')}</span>
        </span>
      </a>
      <div class="header-tools">
        {caller && (
          <span class="caller" data-role={caller.role} title={caller.keyId}>
            <span class={`badge badge-role`}>{t(`role.${caller.role}`)}</span> <span class="caller-name">{caller.name}</span>
          </span>
        )}
        <button type="button" class="lang-switch" onClick={onToggleLang} aria-label={t('lang.switchLabel')} data-testid="lang-switch">
          {t('lang.switchTo')}
        </button>
        {caller && (
          <button type="button" class="quiet" onClick={onSignOut}>
            {t('signout')}
          </button>
        )}
      </div>
    </header>
  );
}
