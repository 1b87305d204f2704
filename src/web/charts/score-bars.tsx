/**
 * Why a pair was proposed, as one small bar per scoring feature: the bar is the feature's value
 * in [0, 1]; its tooltip and the details table say the weight and the contribution.
 */
import type { FeatureTerm, ScoreBreakdown } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

/** Fit features of the pair, then value features of the need, in the order the scoring uses. */
export const FIT_FEATURES = ['category', 'skills', 'distance', 'continuity', 'preference'] as const;
export const VALUE_FEATURES = ['urgency', 'beneficiaries', 'vulnerability'] as const;

export const featureKey = (feature: string) => `feature.${feature}` as MessageKey;

function FeatureBar({ feature, term, group }: { feature: string; term: FeatureTerm | undefined; group: 'fit' | 'value' }) {
  const { t, number, decimal } = useI18n();
  const value = term?.value ?? 0;
  const name = t(featureKey(feature));
  const tip = term ? `${name}: ${decimal(term.value, 2)} × ${number(term.weight, 2)} → ${decimal(term.contribution, 3)}` : name;
  return (
    <li class={`feature feature-${group}`} title={tip} data-feature={feature}>
      <span class="feature-name">{name}</span>
      <svg class="feature-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={tip}>
        <rect class="feature-track" x="0" y="0" width="100" height="8" />
        <rect class="feature-fill" x="0" y="0" width={Math.max(0, Math.min(1, value)) * 100} height="8" />
      </svg>
      <span class="feature-value">{decimal(value, 2)}</span>
    </li>
  );
}

/** The compact breakdown shown in every row of the pairings table. */
export function ScoreBars({ score }: { score: ScoreBreakdown }) {
  const { t, decimal, number } = useI18n();
  return (
    <div class="score-bars">
      <span class="feature-caption">
        {t('why.fit')} <strong>{decimal(score.fit, 2)}</strong>
      </span>
      <span class="feature-caption">
        {t('why.needValue')} <strong>{number(score.needValue, 0)}</strong>
      </span>
      <ul class="feature-group">
        {FIT_FEATURES.map((f) => (
          <FeatureBar key={f} feature={f} term={score.fitTerms[f]} group="fit" />
        ))}
      </ul>
      <ul class="feature-group">
        {VALUE_FEATURES.map((f) => (
          <FeatureBar key={f} feature={f} term={score.valueTerms[f]} group="value" />
        ))}
      </ul>
    </div>
  );
}
