/** Start a run on chosen batches (their verified needs are pooled). */
import { useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints.js';
import type { RunView } from '../api/types.js';
import { ErrorNotice, Loading, Section } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';

export function StartRun({ onStarted }: { onStarted: (run: RunView) => void }) {
  const { api } = useSession();
  const { t, number } = useI18n();
  const batches = useAsync(() => endpoints.batches(api), [api]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onStarted((await endpoints.startRun(api, [...chosen])).body.run);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('runs.start.title')}>
      <p class="muted">{t('runs.start.hint')}</p>
      <ErrorNotice error={batches.error ?? error} />
      {!batches.data ? (
        <Loading />
      ) : batches.data.length === 0 ? (
        <p class="muted">{t('runs.start.none')}</p>
      ) : (
        <div class="batch-list">
          {batches.data.map((b) => (
            <label class="check" key={b.id}>
              <input type="checkbox" name="batch" value={b.id} checked={chosen.has(b.id)} onChange={() => toggle(b.id)} />
              <span>
                <strong>{b.name ?? b.id}</strong>
                <span class="muted"> · {t('runs.start.needs', { verified: number(b.needStatus.verified), needs: number(b.counts.needs) })}</span>
              </span>
            </label>
          ))}
          <div>
            <button class="primary" type="button" disabled={busy || chosen.size === 0} onClick={start} data-testid="start-run">
              {busy ? t('loading') : t('runs.start.submit')}
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
