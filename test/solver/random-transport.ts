/** fast-check arbitrary for small transport models (parallel edges, zero caps, ties included). */
import fc from 'fast-check';
import type { TransportModel } from '../../src/solver/transport/index.js';

export interface TransportLimits {
  readonly maxOffers: number;
  readonly maxNeeds: number;
  readonly maxEdges: number;
  /** Digits after the decimal point in weights: 2 (cents, exact) or more (rounded at 1e-6). */
  readonly decimals: number;
}

export function transportModelArbitrary(limits: Partial<TransportLimits> = {}): fc.Arbitrary<TransportModel> {
  const lim = { maxOffers: 6, maxNeeds: 6, maxEdges: 20, decimals: 2, ...limits };
  const unit = 10 ** lim.decimals;
  return fc.record({ offers: fc.integer({ min: 1, max: lim.maxOffers }), needs: fc.integer({ min: 1, max: lim.maxNeeds }) }).chain(({ offers, needs }) =>
    fc
      .record({
        capacity: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: offers, maxLength: offers }),
        demand: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: needs, maxLength: needs }),
        edges: fc.array(
          fc.record({
            offer: fc.nat(offers - 1),
            need: fc.nat(needs - 1),
            weight: fc.integer({ min: 0, max: 30 * unit }),
            cap: fc.integer({ min: 0, max: 12 }),
          }),
          { maxLength: lim.maxEdges },
        ),
      })
      .map(({ capacity, demand, edges }) => ({
        offerIds: capacity.map((_, o) => `o${o}`),
        offerCapacity: Float64Array.from(capacity),
        needIds: demand.map((_, n) => `n${n}`),
        needDemand: Float64Array.from(demand),
        edgeOffer: Int32Array.from(edges, (e) => e.offer),
        edgeNeed: Int32Array.from(edges, (e) => e.need),
        // Decimal literals, as a JSON file would hold them.
        edgeWeight: Float64Array.from(edges, (e) => Number((e.weight / unit).toFixed(lim.decimals))),
        edgeCap: Float64Array.from(edges, (e) => e.cap),
      })),
  );
}

/** Independent feasibility check of a flow per edge; returns the broken constraints. */
export function transportViolations(model: TransportModel, flow: Float64Array): string[] {
  const problems: string[] = [];
  const sent = new Float64Array(model.offerCapacity.length);
  const received = new Float64Array(model.needDemand.length);
  flow.forEach((x, e) => {
    if (!Number.isInteger(x) || x < 0 || x > model.edgeCap[e]!) problems.push(`edge ${e}: flow ${x} outside 0..${model.edgeCap[e]}`);
    sent[model.edgeOffer[e]!]! += x;
    received[model.edgeNeed[e]!]! += x;
  });
  sent.forEach((x, o) => x > model.offerCapacity[o]! && problems.push(`offer ${o} gives ${x} > ${model.offerCapacity[o]}`));
  received.forEach((x, n) => x > model.needDemand[n]! && problems.push(`need ${n} gets ${x} > ${model.needDemand[n]}`));
  return problems;
}
