/**
 * Approve every proposed pairing the filters select (not only the page shown), after a
 * confirmation that says how many. Conflicts are listed, never hidden.
 */
import { useState } from 'preact/hooks';
import type { PairingQuery } from '../api/endpoints.js';
import { ErrorNotice } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../state/session.js';
import { approveFiltered, type BulkOutcome } from './decisions.js';

export function BulkApprove({ runId, query, proposed, onDone }: { runId: string; query: PairingQuery; proposed: number; onDone: () => void }) {
  const { api } = useSession();
  const { t, number } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | undefined>();
  const [error, setError] = useState<unknown>();
  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await approveFiltered(api, runId, query));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <div class="bulk" data-testid="bulk-approve">
      {confirming ? (
        <span class="confirm">
          {t('pairings.bulk.confirm', { count: number(proposed) })}{' '}
          <button type="button" class="approve" disabled={busy} onClick={approve}>
            {busy ? t('loading') : t('pairings.bulk.yes')}
          </button>{' '}
          <button type="button" class="quiet" disabled={busy} onClick={() => setConfirming(false)}>
            {t('pairings.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" class="approve-outline" disabled={proposed === 0} onClick={() => (setOutcome(undefined), setConfirming(true))}>
          {t('pairings.bulk', { count: number(proposed) })}
        </button>
      )}
      <ErrorNotice error={error} />
      {outcome && <BulkResult outcome={outcome} />}
    </div>
  );
}

function BulkResult({ outcome }: { outcome: BulkOutcome }) {
  const { t, number } = useI18n();
  return (
    <div role="status">
      {outcome.conflicts.length === 0 && outcome.errors.length === 0 ? (
        <p class="notice notice-success">{t('pairings.bulk.done', { count: number(outcome.approved) })}</p>
      ) : (
        <div class="notice notice-warning" data-testid="bulk-conflicts">
          {outcome.approved > 0 && <p>{t('pairings.bulk.partial', { count: number(outcome.approved) })}</p>}
          {outcome.conflicts.length > 0 && (
            <>
              <p>{t('pairings.bulk.conflict', { count: number(outcome.conflicts.length) })}</p>
              <ul>
                {outcome.conflicts.map((c) => (
                  <li key={c.pairing}>
                    #{c.pairing}: {t(`status.${c.currentStatus}`)} ({c.decidedBy ?? '?'})
                  </li>
                ))}
              </ul>
            </>
          )}
          {outcome.errors.map((e, i) => (
            <ErrorNotice key={i} error={e} />
          ))}
        </div>
      )}
    </div>
  );
}
