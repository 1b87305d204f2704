/**
 * What a re-solve changed against the run it came from: how many pairings were added, removed
 * (and why: rejected, or moved to serve something else), changed in amount or kept; the lists.
 */
import type { ComponentChildren } from 'preact';
import { endpoints } from '../api/endpoints.js';
import type { DiffPair, RemovalReason, RunDiff, RunView } from '../api/types.js';
import { ErrorNotice, Kpi, Loading, Section } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lookups } from '../state/lookups.js';
import { useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';

const LIST_MAX = 100;

function pairName(p: { need: string; offer: string }, lookups: Lookups | undefined): string {
  const need = lookups?.needs.get(p.need)?.title ?? p.need;
  const offer = lookups?.offers.get(p.offer)?.provider.name ?? p.offer;
  return `${need} ← ${offer}`;
}

function RemovalText({ reason, lookups }: { reason: RemovalReason; lookups: Lookups | undefined }) {
  const { t } = useI18n();
  if (reason.code === 'need_reassigned') return <>{t('removal.need_reassigned', { list: reason.offers.map((o) => lookups?.offers.get(o)?.provider.name ?? o).join('、') })}</>;
  if (reason.code === 'capacity_reassigned') return <>{t('removal.capacity_reassigned', { list: reason.needs.map((n) => lookups?.needs.get(n)?.title ?? n).join('、') })}</>;
  return <>{t(`removal.${reason.code}`)}</>;
}

function PairList({ title, pairs, lookups, kind, render }: { title: string; pairs: readonly DiffPair[]; lookups: Lookups | undefined; kind: string; render?: (p: DiffPair, i: number) => ComponentChildren }) {
  if (pairs.length === 0) return null;
  return (
    <div class="diff-group">
      <h3>{`${title} (${pairs.length})`}</h3>
      <ul class="diff-list" data-diff={kind}>
        {pairs.slice(0, LIST_MAX).map((p, i) => (
          <li key={`${p.need}/${p.offer}`} data-need={p.need} data-offer={p.offer}>
            <span>{pairName(p, lookups)}</span> <code class="sub">{`${p.need} · ${p.offer}`}</code>
            {render && <span class="sub">{render(p, i)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DiffBody({ diff, run, lookups }: { diff: RunDiff; run: RunView; lookups: Lookups | undefined }) {
  const { t, number } = useI18n();
  const s = diff.summary;
  const changed = diff.changed.map((c) => ({ need: c.need, offer: c.offer, amount: c.amountAfter, value: 0 }));
  return (
    <div class="stack" data-view="changes">
      <p class="muted">
        {t('changes.against', { from: diff.from ?? run.parentRunId ?? '', to: run.id })} · {t('changes.value', { before: number(s.valueBefore), after: number(s.valueAfter) })}
      </p>
      <div class="kpis">
        <Kpi name="kept" label={t('changes.kept')} value={number(run.options.locked ?? 0)} detail="" />
        <Kpi name="added" label={t('changes.added')} value={number(s.added)} detail="" />
        <Kpi name="removed" label={t('changes.removed')} value={number(s.removed)} detail={`${t('removal.rejected')}: ${number(s.removedBy.rejected)}`} />
        <Kpi name="changed" label={t('changes.changed')} value={number(s.changed)} detail="" />
        <Kpi name="unchanged" label={t('changes.unchanged')} value={number(s.unchanged)} detail="" />
        <Kpi name="moved" label={t('changes.moved')} value={number(s.moved)} detail="" />
      </div>
      <PairList title={t('changes.removedList')} pairs={diff.removed} lookups={lookups} kind="removed" render={(_, i) => <RemovalText reason={diff.removed[i]!.reason} lookups={lookups} />} />
      <PairList title={t('changes.addedList')} pairs={diff.added} lookups={lookups} kind="added" />
      <PairList
        title={t('changes.changedList')}
        pairs={changed}
        lookups={lookups}
        kind="changed"
        render={(_, i) => t('changes.amount', { before: number(diff.changed[i]!.amountBefore), after: number(diff.changed[i]!.amountAfter) })}
      />
    </div>
  );
}

export function ChangesView({ run, lookups }: { run: RunView; lookups: Lookups | undefined }) {
  const { api } = useSession();
  const { t } = useI18n();
  const parent = run.parentRunId;
  const diff = useAsync(() => (parent ? endpoints.diff(api, run.id, parent) : Promise.resolve(undefined)), [api, run.id, parent]);
  if (!parent) return <p class="muted">{t('changes.none')}</p>;
  if (!diff.data) return diff.error ? <ErrorNotice error={diff.error} /> : <Loading />;
  return (
    <Section title={t('changes.title')}>
      <DiffBody diff={diff.data} run={run} lookups={lookups} />
    </Section>
  );
}
