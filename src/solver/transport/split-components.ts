/**
 * Splits a transport model into its connected components (offers and needs joined by edges).
 * Components solve independently, and separately they solve faster: on the province model
 * (5.6M edges, 13 components) one solve per component took about 2.5× less CPU than one solve
 * of the whole (smaller arrays stay in cache); a source/sink pair per component inside one
 * network did not help (benchmarks/RESULTS.md).
 */
import type { TransportModel } from './transport-model.js';

export interface TransportComponent {
  readonly model: TransportModel;
  /** Index in the whole model of each of the component's edges. */
  readonly edges: Int32Array;
}

/**
 * The components that have at least one edge, numbered in the order of their first edge; edges
 * keep their relative order inside a component. Offers and needs without edges are left out
 * (they can carry nothing).
 */
export function splitTransportComponents(model: TransportModel): TransportComponent[] {
  const offers = model.offerCapacity.length;
  const edgeCount = model.edgeOffer.length;
  const root = unionOfEdges(model);
  const componentOfRoot = new Int32Array(root.length).fill(-1);
  const componentOfEdge = new Int32Array(edgeCount);
  const sizes: number[] = [];
  for (let e = 0; e < edgeCount; e++) {
    const r = root[model.edgeOffer[e]!]!;
    if (componentOfRoot[r] === -1) {
      componentOfRoot[r] = sizes.length;
      sizes.push(0);
    }
    const c = componentOfRoot[r]!;
    componentOfEdge[e] = c;
    sizes[c]!++;
  }
  const edgesOf = sizes.map((size) => new Int32Array(size));
  const filled = new Int32Array(sizes.length);
  for (let e = 0; e < edgeCount; e++) {
    const c = componentOfEdge[e]!;
    edgesOf[c]![filled[c]!++] = e;
  }
  // One component: the model itself (no copy).
  if (edgesOf.length === 1 && edgesOf[0]!.length === edgeCount) return [{ model, edges: edgesOf[0]! }];
  const local = new Int32Array(root.length).fill(-1);
  return edgesOf.map((edges) => ({ model: componentModel(model, edges, offers, local), edges }));
}

/** Union-find over offers (0..O−1) and needs (O..O+N−1); returns each node's root. */
function unionOfEdges(model: TransportModel): Int32Array {
  const offers = model.offerCapacity.length;
  const parent = new Int32Array(offers + model.needDemand.length);
  for (let v = 0; v < parent.length; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (let e = 0; e < model.edgeOffer.length; e++) {
    const a = find(model.edgeOffer[e]!);
    const b = find(offers + model.edgeNeed[e]!);
    if (a !== b) parent[a] = b;
  }
  for (let v = 0; v < parent.length; v++) parent[v] = find(v);
  return parent;
}

/** The sub-model of one component; `local` maps whole-model nodes to component indices. */
function componentModel(model: TransportModel, edges: Int32Array, offers: number, local: Int32Array): TransportModel {
  const offerList: number[] = [];
  const needList: number[] = [];
  const m = edges.length;
  const edgeOffer = new Int32Array(m);
  const edgeNeed = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const edgeCap = new Float64Array(m);
  // Plain loops: TypedArray.from with a map function is an order of magnitude slower.
  for (let i = 0; i < m; i++) {
    const e = edges[i]!;
    const o = model.edgeOffer[e]!;
    const n = offers + model.edgeNeed[e]!;
    if (local[o] === -1) local[o] = offerList.push(o) - 1;
    if (local[n] === -1) local[n] = needList.push(n - offers) - 1;
    edgeOffer[i] = local[o]!;
    edgeNeed[i] = local[n]!;
    edgeWeight[i] = model.edgeWeight[e]!;
    edgeCap[i] = model.edgeCap[e]!;
  }
  const offerCapacity = new Float64Array(offerList.length);
  offerList.forEach((o, i) => (offerCapacity[i] = model.offerCapacity[o]!));
  const needDemand = new Float64Array(needList.length);
  needList.forEach((n, i) => (needDemand[i] = model.needDemand[n]!));
  return {
    offerIds: offerList.map((o) => model.offerIds[o]!),
    offerCapacity,
    needIds: needList.map((n) => model.needIds[n]!),
    needDemand,
    edgeOffer,
    edgeNeed,
    edgeWeight,
    edgeCap,
  };
}
