/**
 * One run: its header (status, where it came from, re-solve), tabs for the overview, the
 * pairings to review, the unmet needs and the changes against the run it was re-solved from.
 */
import { useEffect, useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints.js';
import type { RunView } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import { PairingsView } from '../review/pairings-view.js';
import { lookupsFor, type Lookups } from '../state/lookups.js';
import { navigate, type Route, type RunTab } from '../state/route.js';
import { canReview, useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';
import { ChangesView } from './changes-view.js';
import { Overview } from './overview.js';
import { UnmetView } from './unmet-view.js';

type RunRoute = Extract<Route, { page: 'run' }>;
const POLL_MS = 1000;

function ResolveButton({ run }: { run: RunView }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const resolve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = await endpoints.resolve(api, run.id);
      navigate({ page: 'run', runId: started.body.run.id, tab: 'changes', query: {} });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="resolve">
      <button type="button" class="primary" onClick={resolve} disabled={busy} title={t('run.resolve.hint')} data-testid="resolve">
        {busy ? t('run.resolving') : t('run.resolve')}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}

function RunHeader({ run }: { run: RunView }) {
  const { caller } = useSession();
  const { t, dateTime } = useI18n();
  return (
    <div class="run-header">
      <div>
        <a href="#/" class="back">
          {t('run.back')}
        </a>
        <h1>
          <code>{run.id}</code> <span class={`badge badge-run-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
        </h1>
        <p class="muted">
          {t(`kind.${run.kind}`)} · {dateTime(run.createdAt)}
          {run.parentRunId && (
            <>
              {' · '}
              <a href={`#/runs/${run.parentRunId}/overview`}>{t('run.parent', { parent: run.parentRunId })}</a>
            </>
          )}
        </p>
      </div>
      {run.status === 'succeeded' && canReview(caller.role) && <ResolveButton run={run} />}
    </div>
  );
}

function Tabs({ route, run }: { route: RunRoute; run: RunView }) {
  const { t } = useI18n();
  const tabs: RunTab[] = run.parentRunId ? ['overview', 'pairings', 'unmet', 'changes'] : ['overview', 'pairings', 'unmet'];
  return (
    <nav class="tabs" aria-label={run.id}>
      {tabs.map((tab) => (
        <a key={tab} href={`#/runs/${run.id}/${tab}`} class={tab === route.tab ? 'tab active' : 'tab'} aria-current={tab === route.tab ? 'page' : undefined} data-tab={tab}>
          {t(`tab.${tab}`)}
        </a>
      ))}
    </nav>
  );
}

function TabBody({ route, run, lookups }: { route: RunRoute; run: RunView; lookups: Lookups | undefined }) {
  if (route.tab === 'pairings') return <PairingsView run={run} query={route.query} lookups={lookups} />;
  if (route.tab === 'unmet') return <UnmetView run={run} query={route.query} lookups={lookups} />;
  if (route.tab === 'changes') return <ChangesView run={run} lookups={lookups} />;
  return <Overview run={run} />;
}

export function RunPage({ route }: { route: RunRoute }) {
  const { api, caller } = useSession();
  const { t } = useI18n();
  const run = useAsync(() => endpoints.run(api, route.runId), [api, route.runId]);
  const pending = run.data?.status === 'queued' || run.data?.status === 'running';
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(run.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [run.data, pending]);
  const batchKey = run.data?.batchIds.join(',') ?? '';
  const lookups = useAsync(() => (run.data ? lookupsFor(api, run.data.batchIds) : Promise.resolve(undefined)), [api, batchKey]);
  if (!run.data) return run.error ? <ErrorNotice error={run.error} /> : <Loading />;
  const current = run.data;
  return (
    <div class="stack">
      <RunHeader run={current} />
      {!canReview(caller.role) && <p class="notice notice-info">{t('role.readOnly')}</p>}
      <ErrorNotice error={lookups.error} />
      {current.status === 'succeeded' ? (
        <>
          <Tabs route={route} run={current} />
          <TabBody route={route} run={current} lookups={lookups.data} />
        </>
      ) : current.status === 'failed' ? (
        <p class="notice notice-error">{t('run.failed', { error: current.error ?? '' })}</p>
      ) : (
        <p class="notice notice-info" aria-busy="true">
          {t('run.waiting', { status: t(`runStatus.${current.status}`) })}
        </p>
      )}
    </div>
  );
}
