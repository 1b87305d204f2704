/**
 * Weighted sampling from a long fixed list (12,000 communities × 100,000 draws): cumulative
 * sums and binary search, O(log n) per draw instead of a linear scan.
 */
import type { Rng } from './prng.js';

export interface WeightedSampler {
  /** An index drawn with probability proportional to its weight. */
  draw(rng: Rng): number;
}

/** Builds a sampler over `weights` (non-negative, not all zero). */
export function createWeightedSampler(weights: readonly number[]): WeightedSampler {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new Error('generate/sampler: weights must have a positive sum');
  return {
    draw(rng) {
      const r = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > r) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Draws from buckets: pick a bucket by weight, then a uniform integer in its [lo, hi]. */
export function bucketInt(rng: Rng, buckets: ReadonlyArray<readonly [weight: number, lo: number, hi: number]>): number {
  const bucket = buckets[rng.weighted(buckets.map((b) => b[0]))];
  if (!bucket) throw new Error('generate/sampler: no buckets');
  return rng.int(bucket[1], bucket[2]);
}
