/** Small pieces every page uses: errors, status badges, key figures, the pager, a select. */
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client.js';
import type { PairingStatus } from '../api/types.js';
import { useI18n, type I18n } from '../i18n/i18n.js';

/** What to tell a person about a failed request. */
export function errorText(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('signin.invalid');
    if (error.status === 403) return t('error.forbidden');
    return t('error.generic', { message: error.problem.detail ?? error.problem.title });
  }
  if (error instanceof TypeError) return t('error.network');
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  return (
    <p class="notice notice-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="muted" aria-busy="true">
      {t('loading')}
    </p>
  );
}

export function StatusBadge({ status }: { status: PairingStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function Kpi({ label, value, detail, name }: { label: string; value: string; detail: string; name: string }) {
  return (
    <div class="kpi" data-kpi={name}>
      <div class="kpi-label">{label}</div>
      <div class="kpi-value">{value}</div>
      <div class="kpi-detail">{detail}</div>
    </div>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A labelled select whose first option means "any". */
export function SelectField(props: { label: string; name: string; value: string; options: readonly SelectOption[]; onChange: (value: string) => void; anyLabel?: string }) {
  const { t } = useI18n();
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.anyLabel !== '' && <option value="">{props.anyLabel ?? t('filter.all')}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Previous / next over a paginated list. */
export function Pager({ offset, limit, total, onOffset }: { offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const { t, number } = useI18n();
  if (total <= limit && offset === 0) return null;
  const to = Math.min(total, offset + limit);
  return (
    <nav class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('pager.prev')}
      </button>
      <span>{t('pager.range', { from: number(total === 0 ? 0 : offset + 1), to: number(to), total: number(total) })}</span>
      <button type="button" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="panel">
      <header class="panel-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
