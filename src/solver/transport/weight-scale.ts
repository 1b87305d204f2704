/**
 * Turns decimal weights into exact integer costs. Weights written with at most 6 decimals
 * (the generator writes 2: cents) scale exactly; others are rounded at 10^6 and the caller gets
 * the bound on what that rounding can cost.
 */

/** Largest decimal scale tried for exactness: 10^MAX_DECIMALS. */
export const MAX_DECIMALS = 6;

export interface WeightScale {
  /** 10^decimals: integer cost = −round(weight × scale). */
  readonly scale: number;
  readonly decimals: number;
  /** True when every weight × scale is an integer (no rounding happened). */
  readonly exact: boolean;
  /** Largest |weight − round(weight × scale) / scale| over all weights (0 when exact). */
  readonly maxRoundingError: number;
}

/**
 * Finds the smallest k <= 6 such that every weight is a multiple of 10^-k (tested as
 * `round(w·10^k) / 10^k === w`, which holds exactly for decimal literals with <= k digits
 * after the point, because both sides are the double nearest to the same decimal).
 */
export function detectWeightScale(weights: Float64Array): WeightScale {
  let decimals = 0;
  let scale = 1;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    while (decimals <= MAX_DECIMALS && Math.round(w * scale) / scale !== w) {
      decimals++;
      scale *= 10;
    }
    if (decimals > MAX_DECIMALS) return roundedScale(weights);
  }
  return { scale, decimals, exact: true, maxRoundingError: 0 };
}

function roundedScale(weights: Float64Array): WeightScale {
  const scale = 10 ** MAX_DECIMALS;
  let maxRoundingError = 0;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    const err = Math.abs(w - Math.round(w * scale) / scale);
    if (err > maxRoundingError) maxRoundingError = err;
  }
  return { scale, decimals: MAX_DECIMALS, exact: false, maxRoundingError };
}
