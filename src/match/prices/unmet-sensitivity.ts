/**
 * For each unmet need, the smallest change that would make serving it worthwhile, read off the
 * reduced costs (first order, other values held fixed):
 *
 *  - its value: every candidate pair falls short by its reduced cost per unit, so the value per
 *    unit must rise by more than the smallest shortfall; as the need's value V (value of meeting
 *    it in full, value per unit = fit · V / demand) that is shortfall · demand / fit. Below that
 *    rise the current solution stays optimal, so the need stays unmet (tested). Above it the need
 *    is served where the optimum is not degenerate; where it is, another dual solution may still
 *    certify the old answer for a while longer (test/prices measures how often);
 *  - an offer's capacity: a candidate offer whose price (value of one more unit elsewhere) exceeds
 *    the pair's shortfall is held back only by being used up; with spare capacity the pair would
 *    pay. The offer with the widest margin is named, with the units the need still lacks.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import type { Allocation } from '../pairings/decode.js';
import { edgesByNeed } from '../pairings/decode.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import type { UnmetSensitivity } from './price-types.js';

export function unmetSensitivity(
  index: BatchIndex,
  candidates: CandidateSet,
  scored: ScoredCandidates,
  model: MatchModel,
  allocation: Allocation,
  price: Float64Array,
): UnmetSensitivity[] {
  const byNeed = edgesByNeed(candidates, index.needs.length);
  const met = new Float64Array(index.needs.length);
  for (let e = 0; e < candidates.count; e++) met[candidates.need[e]!] = met[candidates.need[e]!]! + allocation.amount[e]!;
  const out: UnmetSensitivity[] = [];
  index.needs.forEach((need, n) => {
    if (met[n]! >= need.quantity || !candidates.pooled[n]) return;
    const live = byNeed[n]!.filter((e) => !Number.isNaN(allocation.shortfall[e]!));
    if (live.length === 0) {
      out.push({ need: need.id, note: byNeed[n]!.length === 0 ? 'no candidate offer passes the hard rules' : 'no candidate pair is open under the rules' });
      return;
    }
    let rise = Number.POSITIVE_INFINITY;
    let valueRise = Number.POSITIVE_INFINITY;
    let best: { offer: string; margin: number } | undefined;
    for (const e of live) {
      const perUnit = allocation.shortfall[e]! / model.unitAmount[e]!;
      rise = Math.min(rise, perUnit);
      if (scored.fit[e]! > 0) valueRise = Math.min(valueRise, (perUnit * need.quantity) / scored.fit[e]!);
      const o = candidates.offer[e]!;
      const margin = price[o]! - allocation.shortfall[e]!;
      if (price[o]! > 0 && margin > 0 && (!best || margin > best.margin)) best = { offer: index.offers[o]!.id, margin };
    }
    const lacking = model.mode === 'one-to-one' ? 1 : need.quantity - met[n]!;
    out.push({
      need: need.id,
      valueRisePerUnit: rise,
      ...(Number.isFinite(valueRise) ? { needValueRise: valueRise } : {}),
      ...(best ? { offer: { offer: best.offer, extraUnits: lacking, margin: best.margin } } : {}),
    });
  });
  return out;
}
