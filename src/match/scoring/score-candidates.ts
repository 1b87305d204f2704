/**
 * Scoring: feature matrix × weight profile → value per unit of every candidate edge.
 *
 *   fit(e)        = Σ_k w_k φ_k(e) / Σ_k w_k          (fit features, weighted mean in [0, 1])
 *   V(n)          = base(n) · (1 + Σ_j u_j ψ_j(n))      (value features of the need)
 *   valuePerUnit  = fit(e) · V(n) / D(n)
 *
 * Features are kept (a row per edge) so any pairing can show its breakdown later.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import { FIT_FEATURES, VALUE_FEATURES, type FitFeature, type ValueFeature, type WeightProfile } from '../../domain/weights.js';
import type { FeatureTerm, ScoreBreakdown } from '../types.js';
import { valueFeatures } from './features.js';
import { distanceKm } from '../candidates/geo.js';
import { batchColumns } from '../model/batch-columns.js';

// The scoring loop writes features in this order; keep it in step with FIT_FEATURES.
if (FIT_FEATURES.join() !== 'category,skills,distance,continuity,preference') {
  throw new Error('match/scoring: FIT_FEATURES order changed; update scoreCandidates');
}

/** Base value of a project need; micro-wishes use the profile's `microWishBase`. */
export const PROJECT_BASE_VALUE = 100;

export interface ScoredCandidates {
  /** V(n) per need (0 for needs not pooled). */
  readonly needValue: Float64Array;
  /** Value features per need: needValueFeatures[n * VALUE_FEATURES.length + j]. */
  readonly needValueFeatures: Float64Array;
  /** Fit features per edge: fitFeatureRows[e * FIT_FEATURES.length + k]. */
  readonly fitFeatureRows: Float64Array;
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
  const fitFeatureRows = new Float64Array(candidates.count * K);
  const fit = new Float64Array(candidates.count);
  const valuePerUnit = new Float64Array(candidates.count);
  const col = batchColumns(index);
  const previous = previousPairKeys(index);
  const O = index.offers.length;
  const km = candidates.distanceKm;
  const kmOf = (o: number, c: number) => distanceKm(col.offerLat[o]!, col.offerLon[o]!, col.communityLat[c]!, col.communityLon[c]!);
  const distanceScale = weights.distanceScaleKm;
  // Written out feature by feature (same order as FIT_FEATURES) on the batch's columns: no object
  // per edge, no string keys. Each line computes what its feature function in features.ts does.
  for (let e = 0; e < candidates.count; e++) {
    const n = candidates.need[e]!;
    const o = candidates.offer[e]!;
    const c = index.needCommunity[n]!;
    const row = e * K;
    fitFeatureRows[row] = (col.offerCategoryMask[o]! >> col.needCategory[n]!) & 1 ? 1 : weights.relatedCategoryFit;
    fitFeatureRows[row + 1] = col.needHasSkills[n] || !col.offerHasSkills[o] ? 1 : 0.5;
    fitFeatureRows[row + 2] = col.offerHasLocation[o] ? Math.exp(-(km?.[e] ?? kmOf(o, c)) / distanceScale) : 1;
    fitFeatureRows[row + 3] = previous.pairs.size === 0 ? 0 : previous.pairs.has(n * O + o) ? 1 : previous.communityOffers.has(c * O + o) ? 0.5 : 0;
    fitFeatureRows[row + 4] = col.offerPreferred[o]?.has(c) ? 1 : 0;
    let s = 0;
    for (let k = 0; k < K; k++) s += w[k]! * fitFeatureRows[row + k]!;
    fit[e] = wSum > 0 ? s / wSum : 0;
    valuePerUnit[e] = (fit[e]! * needValue[n]!) / col.needQuantity[n]!;
  }
  return { needValue, needValueFeatures, fitFeatureRows, fit, valuePerUnit, weights };
}

/**
 * Earlier rounds' pairs as numeric keys (need * offers + offer), and the (community, offer) pairs
 * derived from them (community * offers + offer): what `continuityFit` looks up by string.
 */
function previousPairKeys(index: BatchIndex): { pairs: Set<number>; communityOffers: Set<number> } {
  const pairs = new Set<number>();
  const communityOffers = new Set<number>();
  const O = index.offers.length;
  for (const p of index.batch.previousPairings) {
    const n = index.needIndex.get(p.need);
    const o = index.offerIndex.get(p.offer);
    // A pair naming an offer outside the batch can match no candidate edge.
    if (o === undefined || n === undefined) continue;
    pairs.add(n * O + o);
    communityOffers.add(index.needCommunity[n]! * O + o);
  }
  return { pairs, communityOffers };
}

/** The per-feature breakdown of edge `e`, with `valuePerUnit` as the model used it. */
export function breakdownOf(scored: ScoredCandidates, need: number, e: number, valuePerUnit: number): ScoreBreakdown {
  const { weights } = scored;
  const K = FIT_FEATURES.length;
  const J = VALUE_FEATURES.length;
  let wSum = 0;
  for (const f of FIT_FEATURES) wSum += weights.fit[f];
  // Filled key by key (one breakdown per pairing, a hundred thousand at province scale).
  const fitTerms = {} as Record<FitFeature, FeatureTerm>;
  for (let k = 0; k < K; k++) {
    const f = FIT_FEATURES[k]!;
    const value = scored.fitFeatureRows[e * K + k]!;
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
