/**
 * The fit features of a candidate edge, on the batch's columns: what the feature functions in
 * features.ts compute, without an object per edge or string keys. The scoring loop reads them
 * for every edge (and keeps only the weighted fit); a pairing's breakdown reads them again for
 * its one edge, by the same code, so it shows exactly the numbers the fit was made of.
 */
import type { BatchIndex } from '../model/batch-index.js';
import { batchColumns, type BatchColumns } from '../model/batch-columns.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { WeightProfile } from '../../domain/weights.js';
import { FIT_FEATURES } from '../../domain/weights.js';
import { distanceKm } from '../candidates/geo.js';

// The reader writes features in this order; keep it in step with FIT_FEATURES.
if (FIT_FEATURES.join() !== 'category,skills,distance,continuity,preference') {
  throw new Error('match/scoring: FIT_FEATURES order changed; update fit-features.ts');
}

export class FitFeatureReader {
  private readonly col: BatchColumns;
  private readonly previousPairs: ReadonlySet<number>;
  private readonly previousCommunityOffers: ReadonlySet<number>;
  private readonly offers: number;

  constructor(
    private readonly index: BatchIndex,
    private readonly candidates: CandidateSet,
    private readonly weights: WeightProfile,
  ) {
    this.col = batchColumns(index);
    this.offers = index.offers.length;
    const keys = previousPairKeys(index);
    this.previousPairs = keys.pairs;
    this.previousCommunityOffers = keys.communityOffers;
  }

  /** Writes edge e's features (FIT_FEATURES order) to out[at..at+4]. */
  into(e: number, out: Float64Array, at: number): void {
    const col = this.col;
    const n = this.candidates.need[e]!;
    const o = this.candidates.offer[e]!;
    const c = this.index.needCommunity[n]!;
    out[at] = (col.offerCategoryMask[o]! >> col.needCategory[n]!) & 1 ? 1 : this.weights.relatedCategoryFit;
    out[at + 1] = col.needHasSkills[n] || !col.offerHasSkills[o] ? 1 : 0.5;
    out[at + 2] = col.offerHasLocation[o] ? Math.exp(-this.km(e, o, c) / this.weights.distanceScaleKm) : 1;
    const O = this.offers;
    out[at + 3] = this.previousPairs.size === 0 ? 0 : this.previousPairs.has(n * O + o) ? 1 : this.previousCommunityOffers.has(c * O + o) ? 0.5 : 0;
    out[at + 4] = col.offerPreferred[o]?.has(c) ? 1 : 0;
  }

  /** The distance the area rule measured, or (for sets built by hand) the same haversine. */
  private km(e: number, o: number, c: number): number {
    const known = this.candidates.distanceKm;
    return known ? known[e]! : distanceKm(this.col.offerLat[o]!, this.col.offerLon[o]!, this.col.communityLat[c]!, this.col.communityLon[c]!);
  }
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
