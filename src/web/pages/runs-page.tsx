/** The runs, newest first, and (for roles that may solve) starting a new one from batches. */
import { useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints.js';
import type { RunView } from '../api/types.js';
import { ErrorNotice, Loading, Pager, Section } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../state/route.js';
import { canSolve, useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';
import { StartRun } from './start-run.js';

const PAGE = 20;

function RunRow({ run }: { run: RunView }) {
  const { t, number, dateTime } = useI18n();
  const open = () => navigate({ page: 'run', runId: run.id, tab: 'overview', query: {} });
  return (
    <tr data-run={run.id}>
      <td data-label={t('runs.col.run')}>
        <a href={`#/runs/${run.id}/overview`} onClick={(e) => (e.preventDefault(), open())}>
          <code>{run.id}</code>
        </a>
      </td>
      <td data-label={t('runs.col.kind')}>{t(`kind.${run.kind}`)}</td>
      <td data-label={t('runs.col.status')}>
        <span class={`badge badge-run-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
      </td>
      <td data-label={t('runs.col.created')}>{dateTime(run.createdAt)}</td>
      <td data-label={t('runs.col.pairings')} class="num">
        {run.totals ? number(run.totals.pairings) : '—'}
      </td>
      <td data-label={t('runs.col.unmet')} class="num">
        {run.totals ? number(run.totals.unmet) : '—'}
      </td>
      <td data-label={t('runs.col.gap')} class="num">
        {run.totals ? number(run.totals.gap, 4) : '—'}
      </td>
    </tr>
  );
}

export function RunsPage() {
  const { api, caller } = useSession();
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const runs = useAsync(() => endpoints.runs(api, { limit: PAGE, offset }), [api, offset]);
  return (
    <div class="stack">
      <Section title={t('runs.title')}>
        <ErrorNotice error={runs.error} />
        {!runs.data ? (
          <Loading />
        ) : runs.data.items.length === 0 ? (
          <p class="muted">{t('runs.empty')}</p>
        ) : (
          <table class="table runs-table">
            <thead>
              <tr>
                <th>{t('runs.col.run')}</th>
                <th>{t('runs.col.kind')}</th>
                <th>{t('runs.col.status')}</th>
                <th>{t('runs.col.created')}</th>
                <th class="num">{t('runs.col.pairings')}</th>
                <th class="num">{t('runs.col.unmet')}</th>
                <th class="num">{t('runs.col.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map((run) => (
                <RunRow key={run.id} run={run} />
              ))}
            </tbody>
          </table>
        )}
        {runs.data && <Pager offset={offset} limit={PAGE} total={runs.data.total} onOffset={setOffset} />}
      </Section>
      {canSolve(caller.role) && <StartRun onStarted={(run) => navigate({ page: 'run', runId: run.id, tab: 'overview', query: {} })} />}
    </div>
  );
}
