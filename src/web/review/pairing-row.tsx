/**
 * One proposed pairing: the need, the offer, the amount, the value, why (a bar per feature), its
 * status, and for reviewers the decision buttons. Details open underneath, with the reject form.
 */
import { useState } from 'preact/hooks';
import type { PairingView } from '../api/types.js';
import { ScoreBars } from '../charts/score-bars.js';
import { ErrorNotice, StatusBadge } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lookups } from '../state/lookups.js';
import { useSession } from '../state/session.js';
import { decideOne, type DecisionOutcome } from './decisions.js';
import { PairingDetails } from './pairing-details.js';
import { RejectForm } from './reject-form.js';

export const PAIRING_COLUMNS = 7;

function NeedCell({ pairing, lookups }: { pairing: PairingView; lookups: Lookups | undefined }) {
  const i18n = useI18n();
  const community = lookups?.communities.get(pairing.community);
  return (
    <td data-label={i18n.t('pairings.col.need')} class="cell-need">
      <strong>{lookups?.needs.get(pairing.need)?.title ?? pairing.need}</strong>
      <span class="sub">
        <code>{pairing.need}</code> · {community?.name ?? pairing.community} · {pairing.street}
      </span>
      <span class="chip">{i18n.category(pairing.category)}</span>
    </td>
  );
}

function OfferCell({ pairing, lookups }: { pairing: PairingView; lookups: Lookups | undefined }) {
  const i18n = useI18n();
  return (
    <td data-label={i18n.t('pairings.col.offer')} class="cell-offer">
      <strong>{lookups?.offers.get(pairing.offer)?.provider.name ?? pairing.offer}</strong>
      <span class="sub">
        <code>{pairing.offer}</code> · {i18n.providerKind(pairing.providerKind)}
      </span>
    </td>
  );
}

function StatusCell({ pairing, conflict }: { pairing: PairingView; conflict: DecisionOutcome | undefined }) {
  const { t, dateTime } = useI18n();
  return (
    <td data-label={t('pairings.col.status')} class="cell-status">
      <StatusBadge status={pairing.status} />
      {pairing.locked && <span class="chip chip-locked">{t('pairings.locked')}</span>}
      {pairing.decidedBy && pairing.decidedAt && <span class="sub">{t('pairings.decided', { who: pairing.decidedBy, when: dateTime(pairing.decidedAt) })}</span>}
      {pairing.reason && <span class="sub reason">“{pairing.reason}”</span>}
      {conflict?.kind === 'conflict' && (
        <p class="notice notice-warning" role="alert" data-testid="conflict">
          {t('pairings.conflict', { status: t(`status.${conflict.pairing.status}`), who: conflict.pairing.decidedBy ?? '?' })}
        </p>
      )}
      {conflict?.kind === 'failed' && <ErrorNotice error={conflict.error} />}
    </td>
  );
}

export interface PairingRowProps {
  readonly pairing: PairingView;
  readonly lookups: Lookups | undefined;
  readonly canDecide: boolean;
  /** The last decision that did not go through (a conflict or an error), shown on the row. */
  readonly problem: DecisionOutcome | undefined;
  readonly onOutcome: (outcome: DecisionOutcome) => void;
}

export function PairingRow({ pairing, lookups, canDecide, problem, onOutcome }: PairingRowProps) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t, number } = i18n;
  const [open, setOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject', reason?: string) => {
    setBusy(true);
    const outcome = await decideOne(api, pairing, decision, reason);
    setBusy(false);
    if (outcome.kind !== 'failed') setRejecting(false);
    onOutcome(outcome);
  };
  const proposed = pairing.status === 'proposed';
  return (
    <>
      <tr class={`pairing-row status-${pairing.status}`} data-pairing={pairing.id} data-need={pairing.need} data-offer={pairing.offer} data-community={pairing.community} data-status={pairing.status}>
        <NeedCell pairing={pairing} lookups={lookups} />
        <OfferCell pairing={pairing} lookups={lookups} />
        <td data-label={t('pairings.col.amount')} class="num">
          {number(pairing.amount)} {i18n.unit(pairing.unit)}
        </td>
        <td data-label={t('pairings.col.value')} class="num">
          {number(pairing.value, 1)}
        </td>
        <td data-label={t('pairings.col.why')} class="cell-why">
          <ScoreBars score={pairing.score} />
        </td>
        <StatusCell pairing={pairing} conflict={problem} />
        <td data-label={t('pairings.col.actions')} class="cell-actions">
          {canDecide && proposed && (
            <>
              <button type="button" class="approve" disabled={busy} onClick={() => decide('approve')} data-action="approve">
                {t('pairings.approve')}
              </button>
              <button type="button" class="danger-outline" disabled={busy} onClick={() => (setRejecting(true), setOpen(true))} data-action="reject">
                {t('pairings.reject')}
              </button>
            </>
          )}
          <button type="button" class="quiet" aria-expanded={open} onClick={() => setOpen(!open)} data-action="details">
            {open ? t('pairings.hideDetails') : t('pairings.details')}
          </button>
        </td>
      </tr>
      {open && (
        <tr class="details-row" data-details-for={pairing.id}>
          <td colSpan={PAIRING_COLUMNS}>
            {rejecting && canDecide && proposed && <RejectForm busy={busy} onReject={(reason) => decide('reject', reason)} onCancel={() => setRejecting(false)} />}
            <PairingDetails pairing={pairing} lookups={lookups} />
          </td>
        </tr>
      )}
    </>
  );
}
