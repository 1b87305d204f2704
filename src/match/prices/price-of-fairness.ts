/**
 * The price of fairness: how much pairing value the coverage floor and the community-spreading
 * utility cost, against the same run without them. Four runs of the same batch — as asked,
 * without the floor, without spreading (spread weight 0), without either — compared on pairing
 * value alone (the spreading bonus is part of the objective but not value delivered).
 */
import type { Batch } from '../../domain/batch-schema.js';
import type { WeightProfile } from '../../domain/weights.js';
import type { MatchOptions, MatchResult } from '../types.js';
import type { PriceOfFairness } from './price-types.js';

/** runMatching's signature, passed in (this module must not import the pipeline that imports it). */
export type Runner = (batch: Batch, weights: WeightProfile, options: Partial<MatchOptions>, clock?: () => number) => MatchResult;

const valueOf = (r: MatchResult) => r.pairings.reduce((s, p) => s + p.value, 0);

/** Pilot communities with at least one need met in full. */
function pilotsCovered(batch: Batch, r: MatchResult): number {
  const got = new Map<string, number>();
  for (const p of r.pairings) got.set(p.need, (got.get(p.need) ?? 0) + p.amount);
  const covered = new Set(batch.needs.filter((n) => (got.get(n.id) ?? 0) >= n.quantity).map((n) => n.community));
  return batch.communities.filter((c) => c.pilot && covered.has(c.id)).length;
}

export function priceOfFairness(batch: Batch, weights: WeightProfile, options: MatchOptions, asRun: MatchResult, run: Runner, clock?: () => number): PriceOfFairness {
  const quiet = { ...options, reports: { prices: false, priceOfFairness: false } };
  const withoutFloorOptions = { ...quiet, policy: { ...(options.policy ?? {}), coverageFloor: undefined } };
  const noSpread = { ...weights, spread: 0 };
  const hasFloor = options.policy?.coverageFloor !== undefined;
  const withoutFloor = hasFloor ? run(batch, weights, withoutFloorOptions, clock) : asRun;
  const withoutSpread = weights.spread > 0 ? run(batch, noSpread, quiet, clock) : asRun;
  const withoutEither = hasFloor || weights.spread > 0 ? run(batch, noSpread, withoutFloorOptions, clock) : asRun;
  const base = valueOf(withoutEither);
  const cost = base - valueOf(asRun);
  return {
    asRun: valueOf(asRun),
    withoutCoverageFloor: valueOf(withoutFloor),
    withoutSpread: valueOf(withoutSpread),
    withoutEither: base,
    cost,
    costShare: base !== 0 ? cost / base : 0,
    coverageFloorCost: valueOf(withoutFloor) - valueOf(asRun),
    spreadCost: valueOf(withoutSpread) - valueOf(asRun),
    communitiesCoveredAsRun: pilotsCovered(batch, asRun),
    communitiesCoveredWithoutEither: pilotsCovered(batch, withoutEither),
    allProven: [asRun, withoutFloor, withoutSpread, withoutEither].every((r) => r.solve.status === 'optimal'),
  };
}
