/** Needs a run left unmet or partly met, each with the reason the solver gives. */
import { CATEGORY_IDS } from '../../domain/taxonomy.js';
import { endpoints } from '../api/endpoints.js';
import type { RunView, UnmetReason, UnmetView as Unmet } from '../api/types.js';
import { ErrorNotice, Loading, Pager, SelectField } from '../components/common.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Lookups } from '../state/lookups.js';
import { navigate } from '../state/route.js';
import { useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';

const PAGE = 50;
const REASONS = ['not_pooled', 'no_candidate', 'outcompeted', 'no_value', 'all_or_nothing'] as const;
const NAMES_SHOWN = 3;

/** A rule's name, or its id when the console does not know it. */
function ruleName(rule: string, t: I18n['t']): string {
  const key = `rule.${rule}` as MessageKey;
  const text = t(key);
  return text === key ? rule : text;
}

function ReasonText({ reason, lookups }: { reason: UnmetReason; lookups: Lookups | undefined }) {
  const { t, number } = useI18n();
  const title = <strong>{t(`reason.${reason.code}`)}</strong>;
  if (reason.code === 'no_candidate') {
    const rules = Object.entries(reason.excludedBy)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([rule, n]) => `${ruleName(rule, t)} ${number(n)}`)
      .join('、');
    return (
      <>
        {title}
        {rules && <span class="sub">{t('reason.no_candidate.detail', { rules })}</span>}
      </>
    );
  }
  if (reason.code === 'outcompeted') {
    // Titles repeat across communities (冬季御寒衣被), so each names its community too.
    const needs = reason.by
      .slice(0, NAMES_SHOWN)
      .map((n) => {
        const need = lookups?.needs.get(n);
        return need ? `${need.title}（${lookups?.communities.get(need.community)?.name ?? need.community}）` : n;
      })
      .join('、');
    return (
      <>
        {title}
        <span class="sub">{t('reason.outcompeted.detail', { offers: number(reason.offers.length), needs })}</span>
      </>
    );
  }
  if (reason.code === 'all_or_nothing') return (
    <>
      {title}
      <span class="sub">{reason.detail}</span>
    </>
  );
  return title;
}

function UnmetRow({ item, lookups }: { item: Unmet; lookups: Lookups | undefined }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const need = lookups?.needs.get(item.need);
  const unit = need ? i18n.unit(need.unit) : '';
  return (
    <tr data-need={item.need} data-reason={item.reason.code}>
      <td data-label={t('unmet.col.need')}>
        <strong>{need?.title ?? item.need}</strong>
        <span class="sub">
          <code>{item.need}</code>
        </span>
      </td>
      <td data-label={t('unmet.col.community')}>
        {lookups?.communities.get(item.community)?.name ?? item.community}
        <span class="sub">{item.district}</span>
      </td>
      <td data-label={t('unmet.col.category')}>
        {i18n.category(item.category)} · {i18n.form(item.form)}
      </td>
      <td data-label={t('unmet.col.met')} class="num">
        {number(item.met)} / {number(item.demand)} {unit}
      </td>
      <td data-label={t('unmet.col.reason')}>
        <ReasonText reason={item.reason} lookups={lookups} />
      </td>
    </tr>
  );
}

export function UnmetView({ run, query, lookups }: { run: RunView; query: Readonly<Record<string, string>>; lookups: Lookups | undefined }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, number } = i18n;
  const filters = { district: query['district'] ?? '', category: query['category'] ?? '', reason: query['reason'] ?? '' };
  const offset = Math.max(0, Number(query['offset'] ?? 0) || 0);
  const key = JSON.stringify([filters, offset]);
  const page = useAsync(() => endpoints.unmet(api, run.id, filters, { limit: PAGE, offset }), [api, run.id, key]);
  const go = (next: Record<string, string>) => navigate({ page: 'run', runId: run.id, tab: 'unmet', query: next });
  const set = (field: keyof typeof filters) => (value: string) => go({ ...filters, [field]: value });
  return (
    <div class="stack" data-view="unmet">
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('filter.district')} name="district" value={filters.district} options={[...(lookups?.places.keys() ?? [])].map((d) => ({ value: d, label: d }))} onChange={set('district')} />
        <SelectField label={t('filter.category')} name="category" value={filters.category} options={CATEGORY_IDS.map((c) => ({ value: c, label: i18n.category(c) }))} onChange={set('category')} />
        <SelectField label={t('filter.reason')} name="reason" value={filters.reason} options={REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))} onChange={set('reason')} />
      </form>
      <ErrorNotice error={page.error} />
      {!page.data ? (
        <Loading />
      ) : page.data.items.length === 0 ? (
        <p class="muted">{t('unmet.empty')}</p>
      ) : (
        <>
          <p class="count">{t('unmet.count', { total: number(page.data.total) })}</p>
          <table class="table unmet-table">
            <thead>
              <tr>
                <th>{t('unmet.col.need')}</th>
                <th>{t('unmet.col.community')}</th>
                <th>{t('unmet.col.category')}</th>
                <th class="num">{t('unmet.col.met')}</th>
                <th>{t('unmet.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((item) => (
                <UnmetRow key={item.need} item={item} lookups={lookups} />
              ))}
            </tbody>
          </table>
        </>
      )}
      {page.data && <Pager offset={offset} limit={PAGE} total={page.data.total} onOffset={(o) => go({ ...filters, offset: String(o) })} />}
    </div>
  );
}
