/**
 * Builds the min-cost-flow network of a transport model directly in typed arrays.
 *
 * Nodes: offers 0..O−1, needs O..O+N−1, then a source s and a sink t. Arcs: edge e is arc e
 * (offer → need, capacity cap_e, cost −round(weight_e·scale)), then s → offer (capacity),
 * need → t (demand), and one more arc that lets "nothing" be an option:
 *  - `circulation`: t → s with capacity Σ capacity, all supplies 0 (optimum = best circulation);
 *  - `bypass`: s supplies F = min(Σ capacity, Σ demand), t absorbs it, and s → t carries what is
 *    not sent (cost 0).
 * Circulation is the default: 30–40 % fewer pivots than bypass on changzhou, city and
 * assign-1000 (a third variant without s, each offer supplying its capacity with its own bypass
 * to t, was slower still).
 */
import type { FlowNetwork } from '../min-cost-flow/network.js';
import type { TransportModel } from './transport-model.js';

export type TransportFormulation = 'circulation' | 'bypass';

export function buildTransportNetwork(model: TransportModel, scale: number, formulation: TransportFormulation): FlowNetwork {
  const offers = model.offerCapacity.length;
  const needs = model.needDemand.length;
  const edges = model.edgeOffer.length;
  const source = offers + needs;
  const sink = source + 1;
  const arcCount = edges + offers + needs + 1;
  const tail = new Int32Array(arcCount);
  const head = new Int32Array(arcCount);
  const capacity = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  const supply = new Float64Array(offers + needs + 2);
  const { edgeOffer, edgeNeed, edgeCap, edgeWeight } = model;
  for (let e = 0; e < edges; e++) {
    tail[e] = edgeOffer[e]!;
    head[e] = offers + edgeNeed[e]!;
    capacity[e] = edgeCap[e]!;
    // `+ 0` turns −0 into 0 for zero weights.
    cost[e] = -Math.round(edgeWeight[e]! * scale) + 0;
  }
  let a = edges;
  let totalCapacity = 0;
  for (let o = 0; o < offers; o++, a++) {
    tail[a] = source;
    head[a] = o;
    capacity[a] = model.offerCapacity[o]!;
    totalCapacity += capacity[a]!;
  }
  let totalDemand = 0;
  for (let n = 0; n < needs; n++, a++) {
    tail[a] = offers + n;
    head[a] = sink;
    capacity[a] = model.needDemand[n]!;
    totalDemand += capacity[a]!;
  }
  if (formulation === 'circulation') {
    tail[a] = sink;
    head[a] = source;
    capacity[a] = totalCapacity;
  } else {
    const most = Math.min(totalCapacity, totalDemand);
    tail[a] = source;
    head[a] = sink;
    capacity[a] = most;
    supply[source] = most;
    supply[sink] = -most;
  }
  return { nodeCount: offers + needs + 2, arcCount, tail, head, capacity, cost, supply };
}

