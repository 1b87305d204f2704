/**
 * Shadow prices of offer capacity from the node potentials of the solved networks.
 *
 * An offer's capacity c is the capacity of its supply arc (source → offer) and, in flow mode, part
 * of the capacity min(c, demand) of each of its pair arcs. With potentials π (reduced cost
 * rc = cost − π[tail] + π[head]) an optimal dual gives every saturated arc the value −rc/scale
 * per unit, and one more unit of c raises the supply arc and every pair arc whose need could take
 * more (c < demand) by one: the price is the sum of those arcs' values. By LP duality one more
 * unit adds at most the price and one unit less loses at least it; they are equal where the
 * optimum is not degenerate. Where several dual solutions exist (common with integer data) the
 * price can exceed what one more unit adds; test/prices measures both.
 *
 * An offer with capacity 0 is not in the model (hard rule `capacity`) and is priced 0.
 *
 * In a run with rules the networks are those solved under the rules' choices (all-or-nothing,
 * switched pairs, funded projects): the prices hold those choices fixed, and a pair arc the
 * choices shut (carrying nothing) gains nothing from more capacity.
 */
import { ArcRole, type MatchModel } from '../model/build-model.js';
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { SolvedModel } from '../solve/solve-components.js';
import type { OfferPrice } from './price-types.js';

/** Value of one more flow unit of each offer (0 where it has room or is in no network). */
export function offerUnitPrices(model: MatchModel, solved: SolvedModel, candidates: CandidateSet, offerCount: number): Float64Array {
  const price = new Float64Array(offerCount);
  const flowMode = model.mode === 'flow';
  model.components.forEach((component, c) => {
    const { potential, flow } = solved.components[c]!;
    const net = component.network;
    for (let a = 0; a < net.arcCount; a++) {
      const role = component.arcRole[a];
      const rc = net.cost[a]! - potential[net.tail[a]!]! + potential[net.head[a]!]!;
      if (rc >= 0) continue;
      if (role === ArcRole.supply) price[component.arcRef[a]!] = price[component.arcRef[a]!]! - rc / model.scale;
      else if (flowMode && (role === ArcRole.pair || role === ArcRole.pairStable) && flow[a]! >= net.capacity[a]!) {
        const e = component.arcRef[a]!;
        const o = candidates.offer[e]!;
        // The pair arc carrying the edge's open capacity grows with the offer while the need could take more.
        if (role === ArcRole.pair && model.locks.offerCap[o]! < model.locks.needCap[candidates.need[e]!]!) price[o] = price[o]! - rc / model.scale;
      }
    }
  });
  return price;
}

/** Prices per offer with capacity and use in flow units (canonical units; pairings in one-to-one mode). */
export function offerPrices(index: BatchIndex, price: Float64Array, used: Float64Array, capacity: Float64Array): OfferPrice[] {
  return index.offers.map((offer, o) => ({
    offer: offer.id,
    form: offer.form,
    providerKind: offer.provider.kind,
    capacity: capacity[o]!,
    used: used[o]!,
    price: price[o]!,
  }));
}
