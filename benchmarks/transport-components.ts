/**
 * Splits a transport model into its connected components (offers and needs joined by edges),
 * each a model of its own, to compare solving per component with solving the whole.
 */
import type { TransportModel } from '../src/solver/transport/index.js';

function find(parent: Int32Array, v: number): number {
  while (parent[v] !== v) {
    parent[v] = parent[parent[v]!]!;
    v = parent[v]!;
  }
  return v;
}

/** Components that have at least one edge (isolated offers/needs contribute nothing). */
export function splitComponents(model: TransportModel): TransportModel[] {
  const offers = model.offerCapacity.length;
  const parent = Int32Array.from({ length: offers + model.needDemand.length }, (_, i) => i);
  for (let e = 0; e < model.edgeOffer.length; e++) {
    const a = find(parent, model.edgeOffer[e]!);
    const b = find(parent, offers + model.edgeNeed[e]!);
    if (a !== b) parent[a] = b;
  }
  const edgesOf = new Map<number, number[]>();
  for (let e = 0; e < model.edgeOffer.length; e++) {
    const root = find(parent, model.edgeOffer[e]!);
    let list = edgesOf.get(root);
    if (!list) edgesOf.set(root, (list = []));
    list.push(e);
  }
  return [...edgesOf.values()].map((edges) => subModel(model, edges));
}

function subModel(model: TransportModel, edges: readonly number[]): TransportModel {
  const offerIndex = new Map<number, number>();
  const needIndex = new Map<number, number>();
  for (const e of edges) {
    if (!offerIndex.has(model.edgeOffer[e]!)) offerIndex.set(model.edgeOffer[e]!, offerIndex.size);
    if (!needIndex.has(model.edgeNeed[e]!)) needIndex.set(model.edgeNeed[e]!, needIndex.size);
  }
  const offers = [...offerIndex.keys()];
  const needs = [...needIndex.keys()];
  return {
    offerIds: offers.map((o) => model.offerIds[o]!),
    offerCapacity: Float64Array.from(offers, (o) => model.offerCapacity[o]!),
    needIds: needs.map((n) => model.needIds[n]!),
    needDemand: Float64Array.from(needs, (n) => model.needDemand[n]!),
    edgeOffer: Int32Array.from(edges, (e) => offerIndex.get(model.edgeOffer[e]!)!),
    edgeNeed: Int32Array.from(edges, (e) => needIndex.get(model.edgeNeed[e]!)!),
    edgeWeight: Float64Array.from(edges, (e) => model.edgeWeight[e]!),
    edgeCap: Float64Array.from(edges, (e) => model.edgeCap[e]!),
  };
}
