/**
 * The price report of a solved run: offer prices, the bottleneck table and unmet-need
 * sensitivity, all from the potentials of the networks the run solved last.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import type { Allocation } from '../pairings/decode.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import type { SolvedModel } from '../solve/solve-components.js';
import { bottlenecks } from './bottlenecks.js';
import { offerPrices, offerUnitPrices } from './offer-prices.js';
import type { PriceReport } from './price-types.js';
import { unmetSensitivity } from './unmet-sensitivity.js';

export interface PriceInput {
  readonly index: BatchIndex;
  readonly candidates: CandidateSet;
  readonly scored: ScoredCandidates;
  /** The model whose components were solved (a policy run passes its blocks). */
  readonly model: MatchModel;
  readonly solved: SolvedModel;
  readonly allocation: Allocation;
  /** Whether the networks were solved under a policy run's fixed choices. */
  readonly policy: boolean;
}

export function priceReport(input: PriceInput): PriceReport {
  const { index, candidates, model, solved, allocation } = input;
  const price = offerUnitPrices(model, solved, candidates, index.offers.length);
  const oneToOne = model.mode === 'one-to-one';
  // Flow units: canonical units, or pairings in one-to-one mode (what a price is "per").
  const used = new Float64Array(index.offers.length);
  for (let e = 0; e < candidates.count; e++) used[candidates.offer[e]!] = used[candidates.offer[e]!]! + allocation.units[e]!;
  const capacity = Float64Array.from(index.offers, (o) => (oneToOne ? (o.maxPairings ?? 1) : o.capacity));
  const note = [
    oneToOne ? 'prices per extra pairing' : 'prices per extra canonical unit (hour, item, service, yuan)',
    'a price bounds what one more unit adds and equals it where the optimum is not degenerate',
    input.policy ? "in a run with rules, prices hold the rules' choices fixed" : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    offers: offerPrices(index, price, used, capacity),
    bottlenecks: bottlenecks(index, candidates, allocation, price, used, capacity),
    unmet: unmetSensitivity(index, candidates, input.scored, model, allocation, price),
    note,
  };
}
