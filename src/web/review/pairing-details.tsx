/**
 * Why a pair was proposed, in full: each feature's value, weight and contribution, the fit and
 * need value they make, the need itself, and the alternates that could replace the offer.
 */
import type { FeatureTerm, PairingView } from '../api/types.js';
import { FIT_FEATURES, VALUE_FEATURES, featureKey } from '../charts/score-bars.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lookups } from '../state/lookups.js';

function TermsTable({ caption, features, terms }: { caption: string; features: readonly string[]; terms: Readonly<Record<string, FeatureTerm>> }) {
  const { t, number, decimal } = useI18n();
  return (
    <table class="table compact terms">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{t('why.col.feature')}</th>
          <th class="num">{t('why.col.value')}</th>
          <th class="num">{t('why.col.weight')}</th>
          <th class="num">{t('why.col.contribution')}</th>
        </tr>
      </thead>
      <tbody>
        {features.map((f) => {
          const term = terms[f];
          return (
            <tr key={f} data-feature={f}>
              <td>{t(featureKey(f))}</td>
              <td class="num">{term ? decimal(term.value, 2) : '—'}</td>
              <td class="num">{term ? number(term.weight, 2) : '—'}</td>
              <td class="num">{term ? decimal(term.contribution, 3) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PairingDetails({ pairing, lookups }: { pairing: PairingView; lookups: Lookups | undefined }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const need = lookups?.needs.get(pairing.need);
  const { score } = pairing;
  return (
    <div class="details" data-testid="pairing-details">
      <div class="details-figures">
        <span>
          {t('why.fit')} <strong>{number(score.fit, 3)}</strong>
        </span>
        <span>
          {t('why.needValue')} <strong>{number(score.needValue, 1)}</strong>
        </span>
        <span>
          {t('why.valuePerUnit')} <strong>{number(score.valuePerUnit, 3)}</strong>
        </span>
        {need && (
          <span class="muted">
            {t('why.need')} · {t('why.beneficiaries', { count: number(need.beneficiaries) })} · {t('why.urgency', { urgency: need.urgency })}
          </span>
        )}
      </div>
      <div class="details-tables">
        <TermsTable caption={t('why.fitTerms')} features={FIT_FEATURES} terms={score.fitTerms} />
        <TermsTable caption={t('why.valueTerms')} features={VALUE_FEATURES} terms={score.valueTerms} />
        <div class="alternates">
          <h4>{t('why.alternates')}</h4>
          {pairing.alternates.length === 0 ? (
            <p class="muted">{t('why.noAlternates')}</p>
          ) : (
            <ol>
              {pairing.alternates.map((a) => (
                <li key={a.offer}>
                  {lookups?.offers.get(a.offer)?.provider.name ?? a.offer} <code>{a.offer}</code>{' '}
                  <span class="muted">{t('why.shortfall', { shortfall: number(a.shortfallPerUnit, 3) })}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </div>
  );
}
