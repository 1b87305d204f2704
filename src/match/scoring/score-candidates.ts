/**
 * Scoring: feature matrix × weight profile → value per unit of every candidate edge.
 *
 *   fit(e)        = Σ_k w_k φ_k(e) / Σ_k w_k          (fit features, weighted mean in [0, 1])
 *   V(n)          = base(n) · (1 + Σ_j u_j ψ_j(n))      (value features of the need)
 *   valuePerUnit  = fit(e) · V(n) / D(n)
 *
 * Only the weighted fit is kept per edge; a pairing's breakdown reads its features again (fit-features.ts).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import { FIT_FEATURES, VALUE_FEATURES, type FitFeature, type ValueFeature, type WeightProfile } from '../../domain/weights.js';
import type { FeatureTerm, ScoreBreakdown } from '../types.js';
import { valueFeatures } from './features.js';
import { batchColumns } from '../model/batch-columns.js';
import { FitFeatureReader } from './fit-features.js';

/** Base value of a project need; micro-wishes use the profile's `microWishBase`. */
export const PROJECT_BASE_VALUE = 100;

export interface ScoredCandidates {
  /** V(n) per need (0 for needs not pooled). */
  readonly needValue: Float64Array;
  /** Value features per need: needValueFeatures[n * VALUE_FEATURES.length + j]. */
  readonly needValueFeatures: Float64Array;
  /**
   * The fit features of edge e (FIT_FEATURES order), computed again on demand: keeping them for
   * millions of edges would take 40 bytes each for the few that become pairings.
   */
  readonly fitFeatures: (e: number) => Float64Array;
  readonly fit: Float64Array;
  readonly valuePerUnit: Float64Array;
  readonly weights: WeightProfile;
}

function fitWeightVector(weights: WeightProfile): Float64Array {
  return Float64Array.from(FIT_FEATURES, (f) => weights.fit[f]);
}

/** Scores every candidate edge of a batch under a weight profile. */
export function scoreCandidates(index: BatchIndex, candidates: CandidateSet, weights: WeightProfile): ScoredCandidates {
  const K = FIT_FEATURES.length;
  const J = VALUE_FEATURES.length;
  const needValue = new Float64Array(index.needs.length);
  const needValueFeatures = new Float64Array(index.needs.length * J);
  index.needs.forEach((need, n) => {
    if (!candidates.pooled[n]) return;
    const psi = valueFeatures(need, index.communities[index.needCommunity[n]!]!, weights);
    let lift = 1;
    VALUE_FEATURES.forEach((f, j) => {
      needValueFeatures[n * J + j] = psi[f];
      lift += weights.value[f] * psi[f];
    });
    needValue[n] = (need.kind === 'micro_wish' ? weights.microWishBase : PROJECT_BASE_VALUE) * lift;
  });
  const w = fitWeightVector(weights);
  const wSum = w.reduce((a, b) => a + b, 0);
  const fit = new Float64Array(candidates.count);
  const valuePerUnit = new Float64Array(candidates.count);
  const quantity = batchColumns(index).needQuantity;
  const reader = new FitFeatureReader(index, candidates, weights);
  const row = new Float64Array(K);
  for (let e = 0; e < candidates.count; e++) {
    reader.into(e, row, 0);
    let s = 0;
    for (let k = 0; k < K; k++) s += w[k]! * row[k]!;
    fit[e] = wSum > 0 ? s / wSum : 0;
    const n = candidates.need[e]!;
    valuePerUnit[e] = (fit[e]! * needValue[n]!) / quantity[n]!;
  }
  const fitFeatures = (e: number) => {
    const out = new Float64Array(K);
    reader.into(e, out, 0);
    return out;
  };
  return { needValue, needValueFeatures, fitFeatures, fit, valuePerUnit, weights };
}

/** The per-feature breakdown of edge `e`, with `valuePerUnit` as the model used it. */
export function breakdownOf(scored: ScoredCandidates, need: number, e: number, valuePerUnit: number): ScoreBreakdown {
  const { weights } = scored;
  const K = FIT_FEATURES.length;
  const J = VALUE_FEATURES.length;
  let wSum = 0;
  for (const f of FIT_FEATURES) wSum += weights.fit[f];
  // Filled key by key (one breakdown per pairing, a hundred thousand at province scale).
  const features = scored.fitFeatures(e);
  const fitTerms = {} as Record<FitFeature, FeatureTerm>;
  for (let k = 0; k < K; k++) {
    const f = FIT_FEATURES[k]!;
    const value = features[k]!;
    fitTerms[f] = { value, weight: weights.fit[f], contribution: wSum > 0 ? (weights.fit[f] * value) / wSum : 0 };
  }
  const valueTerms = {} as Record<ValueFeature, FeatureTerm>;
  for (let j = 0; j < J; j++) {
    const f = VALUE_FEATURES[j]!;
    const value = scored.needValueFeatures[need * J + j]!;
    valueTerms[f] = { value, weight: weights.value[f], contribution: weights.value[f] * value };
  }
  return { fitTerms, fit: scored.fit[e]!, valueTerms, needValue: scored.needValue[need]!, valuePerUnit };
}
