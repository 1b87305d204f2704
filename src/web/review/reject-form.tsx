/** Rejecting needs a reason: it is stored, audited, and shown to whoever reviews the next run. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';

export function RejectForm({ busy, onReject, onCancel }: { busy: boolean; onReject: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  // The form opens on a click of "reject": the reason is what comes next.
  useEffect(() => input.current?.focus(), []);
  const submit = (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onReject(reason.trim());
  };
  return (
    <form class="reject-form" onSubmit={submit} data-testid="reject-form">
      <label class="field">
        <span class="field-label">{t('pairings.rejectReason')}</span>
        <textarea ref={input} name="reason" rows={2} maxLength={2000} value={reason} onInput={(e) => (setReason(e.currentTarget.value), setMissing(false))} aria-invalid={missing} />
      </label>
      {missing && (
        <p class="notice notice-error" role="alert">
          {t('pairings.reasonRequired')}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="danger" disabled={busy}>
          {t('pairings.rejectConfirm')}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          {t('pairings.cancel')}
        </button>
      </div>
    </form>
  );
}
