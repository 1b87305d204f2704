/**
 * The rows the Lagrangian relaxation moves into the costs: linear inequalities the rules imply on
 * the flows (see lagrangian.ts), how they group into clusters of blocks, and a start for their
 * multipliers.
 */
import type { RuleModel } from './rule-model.js';
import type { LagrangianInput } from './lagrangian-input.js';
import { splitComponents } from '../model/components.js';

export type Term = [block: number, arc: number, coef: number];

/** A relaxed row: Σ coef·x over (block, arc) terms, compared with rhs; `equal` rows take any sign. */
export interface Row {
  readonly terms: readonly Term[];
  readonly rhs: number;
  readonly equal: boolean;
}

function isTerm(t: Term | undefined): t is Term {
  return t !== undefined;
}

/** Rows of the set's rule instances, over block arcs. */
export function relaxedRows(rules: RuleModel, ids: ReadonlySet<number>, floorsHard = true): Row[] {
  const rows: Row[] = [];
  const share = (n: number): Term | undefined => {
    const t = rules.targets[n];
    return t && ids.has(t.block) ? [t.block, t.arc, 1 / t.units] : undefined;
  };
  for (const limit of rules.needLimits) {
    const terms = limit.needs.map(share).filter(isTerm);
    if (terms.length > limit.limit) rows.push({ terms, rhs: limit.limit, equal: false });
  }
  for (const limit of rules.edgeLimits) {
    const terms: Term[] = [];
    for (const s of limit.switches) {
      const sw = rules.switches[s]!;
      if (ids.has(sw.block) && sw.upper > 0) for (const a of sw.arcs) terms.push([sw.block, a, 1 / sw.upper]);
    }
    if (terms.length > 0) rows.push({ terms, rhs: limit.limit, equal: false });
  }
  for (const floor of floorsHard ? rules.floors : []) {
    const terms = floor.needs.map(share).filter(isTerm).map(([b, a, c]): Term => [b, a, -c]);
    if (terms.length > 0) rows.push({ terms, rhs: -floor.floor, equal: false });
  }
  for (const g of rules.groups) {
    const shares = g.needs.map(share).filter(isTerm);
    for (let i = 1; i < shares.length; i++) {
      const [b0, a0, c0] = shares[0]!;
      const [b1, a1, c1] = shares[i]!;
      rows.push({ terms: [[b0, a0, c0], [b1, a1, -c1]], rhs: 0, equal: true });
    }
  }
  return rows;
}

export function activity(row: Row, flows: ReadonlyMap<number, Float64Array>): number {
  let ax = 0;
  for (const [b, a, c] of row.terms) ax += c * flows.get(b)![a]!;
  return ax;
}

/** Rows grouped by the blocks they share. */
export function clusterRows(rows: readonly Row[], ids: readonly number[]): { rows: Row[]; blocks: number[] }[] {
  const local = new Map(ids.map((b, i) => [b, i] as const));
  const a: number[] = [];
  const b: number[] = [];
  for (const row of rows) {
    const first = local.get(row.terms[0]![0])!;
    for (const [blk] of row.terms) {
      a.push(first);
      b.push(local.get(blk)!);
    }
  }
  const split = splitComponents(ids.length, a, b);
  const clusters = new Map<number, { rows: Row[]; blocks: Set<number> }>();
  for (const row of rows) {
    const c = split.componentOf[local.get(row.terms[0]![0])!]!;
    let cluster = clusters.get(c);
    if (!cluster) clusters.set(c, (cluster = { rows: [], blocks: new Set() }));
    cluster.rows.push(row);
    for (const [blk] of row.terms) cluster.blocks.add(blk);
  }
  return [...clusters.values()].map((c) => ({ rows: c.rows, blocks: [...c.blocks] }));
}

/**
 * A start for the multipliers from the relaxation's flows: a "at most k" row is worth, per unit of
 * its activity, about what its (k+1)-th best term earns per unit (the term that the limit pushes
 * out). A need's term earns what flows into it; a pair's term what the pair carries. Any start is
 * valid (every λ gives a bound); a good one saves steps.
 */
export function initialMultipliers(input: LagrangianInput, rows: readonly Row[], cap: number): Float64Array {
  const inflow = new Map<number, Float64Array>();
  const valueInto = (b: number) => {
    let v = inflow.get(b);
    if (v) return v;
    const net = input.blocks[b]!.network;
    const flow = input.relaxed.get(b)!;
    v = new Float64Array(net.nodeCount);
    for (let a = 0; a < net.arcCount; a++) if (net.cost[a]! < 0) v[net.head[a]!] = v[net.head[a]!]! - (net.cost[a]! * flow[a]!) / input.scale;
    inflow.set(b, v);
    return v;
  };
  return Float64Array.from(rows, (row) => {
    if (row.equal || row.rhs < 0) return 0;
    const densities: number[] = [];
    for (const [b, a, c] of row.terms) {
      const x = input.relaxed.get(b)![a]!;
      if (x <= 0 || c <= 0) continue;
      const net = input.blocks[b]!.network;
      const earned = net.cost[a]! < 0 ? (-net.cost[a]! * x) / input.scale : valueInto(b)[net.tail[a]!]!;
      densities.push(earned / (c * x));
    }
    densities.sort((x, y) => y - x);
    return Math.min(cap, densities[Math.floor(row.rhs)] ?? 0);
  });
}

