/**
 * The pairings to review: filters, the count, bulk approve of what the filters select, the
 * table, and the pager. A decision updates its row in place (the list does not jump while an
 * official works through it); changing a filter or page loads afresh.
 */
import { useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints.js';
import type { PairingView, RunView } from '../api/types.js';
import { ErrorNotice, Loading, Pager } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lookups } from '../state/lookups.js';
import { navigate } from '../state/route.js';
import { canReview, useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';
import { BulkApprove } from './bulk-approve.js';
import type { DecisionOutcome } from './decisions.js';
import { FilterBar } from './filter-bar.js';
import { apiQuery, filtersFromQuery, filtersToQuery, noFilters, type PairingFilters } from './filters.js';
import { PairingRow } from './pairing-row.js';

const PAGE = 50;

function PairingsTable({ rows, lookups, canDecide, problems, onOutcome }: { rows: readonly PairingView[]; lookups: Lookups | undefined; canDecide: boolean; problems: ReadonlyMap<number, DecisionOutcome>; onOutcome: (o: DecisionOutcome, id: number) => void }) {
  const { t } = useI18n();
  return (
    <table class="table pairings-table" data-testid="pairings-table">
      <thead>
        <tr>
          <th>{t('pairings.col.need')}</th>
          <th>{t('pairings.col.offer')}</th>
          <th class="num">{t('pairings.col.amount')}</th>
          <th class="num">{t('pairings.col.value')}</th>
          <th>{t('pairings.col.why')}</th>
          <th>{t('pairings.col.status')}</th>
          <th>{t('pairings.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <PairingRow key={p.id} pairing={p} lookups={lookups} canDecide={canDecide} problem={problems.get(p.id)} onOutcome={(o) => onOutcome(o, p.id)} />
        ))}
      </tbody>
    </table>
  );
}

export function PairingsView({ run, query, lookups }: { run: RunView; query: Readonly<Record<string, string>>; lookups: Lookups | undefined }) {
  const { api, caller } = useSession();
  const { t, number } = useI18n();
  const filters = filtersFromQuery(query);
  const key = JSON.stringify(filtersToQuery(filters));
  const page = useAsync(() => endpoints.pairings(api, run.id, apiQuery(filters), { limit: PAGE, offset: filters.offset }), [api, run.id, key]);
  const proposed = useAsync(() => endpoints.pairings(api, run.id, { ...apiQuery(filters), status: 'proposed' }, { limit: 1, offset: 0 }).then((p) => p.total), [api, run.id, key]);
  // Rows decided on this page, as the server answered: shown in place until the page reloads.
  const [updated, setUpdated] = useState<ReadonlyMap<number, PairingView>>(new Map());
  const [problems, setProblems] = useState<ReadonlyMap<number, DecisionOutcome>>(new Map());
  const go = (f: PairingFilters) => {
    setUpdated(new Map());
    setProblems(new Map());
    navigate({ page: 'run', runId: run.id, tab: 'pairings', query: filtersToQuery(f) });
  };
  const onOutcome = (outcome: DecisionOutcome, id: number) => {
    if (outcome.kind !== 'failed') setUpdated((m) => new Map(m).set(id, outcome.pairing));
    setProblems((m) => {
      const next = new Map(m);
      if (outcome.kind === 'done') next.delete(id);
      else next.set(id, outcome);
      return next;
    });
    proposed.reload();
  };
  const reviewer = canReview(caller.role);
  const rows = page.data?.items.map((p) => updated.get(p.id) ?? p) ?? [];
  return (
    <div class="stack" data-view="pairings">
      <FilterBar filters={filters} lookups={lookups} onChange={go} onClear={() => go(noFilters(filters))} />
      <div class="table-head">
        <span class="count" data-testid="pairings-count">
          {page.data ? t('pairings.count', { total: number(page.data.total) }) : ''}
        </span>
        {reviewer && proposed.data !== undefined && (
          <BulkApprove key={key} runId={run.id} query={apiQuery(filters)} proposed={proposed.data} onDone={() => (setUpdated(new Map()), page.reload(), proposed.reload())} />
        )}
      </div>
      <ErrorNotice error={page.error} />
      {!page.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="muted">{t('pairings.empty')}</p>
      ) : (
        <PairingsTable rows={rows} lookups={lookups} canDecide={reviewer} problems={problems} onOutcome={onOutcome} />
      )}
      {page.data && <Pager offset={filters.offset} limit={PAGE} total={page.data.total} onOffset={(offset) => go({ ...filters, offset })} />}
    </div>
  );
}
