/**
 * Lagrangian relaxation on top of the flow core: a tighter proven bound for a coupled set.
 *
 * The rules imply linear inequalities on the flows that the plain network ignores — a community
 * with at most k funded projects has Σ x_n / D_n <= k over its funds needs; an offer with at most
 * k pairings has Σ x_e / cap_e <= k; a floor of k needs has Σ x_n / D_n >= k; the needs of a
 * bundle are met in equal shares. Moving them into the objective with multipliers λ leaves a
 * network again:
 *
 *   L(λ) = max { value·x − Σ_r λ_r (a_r·x − b_r) : x a flow }   >=   the rules' optimum
 *
 * for every λ >= 0 (free for the bundle equalities). Each L(λ) is one exact flow solve per block.
 * The penalised costs must be integers: they are rounded down (values up), which can only raise
 * L, so every computed L is still a proven bound; the potentials' dual bound is used, not the
 * flow's cost.
 *
 * Rows the relaxation's flow already satisfies with room are left out (λ = 0 is a valid choice
 * for them), which usually splits the rows into clusters of one block each; every cluster is
 * then stepped on its own (deflected subgradient, Polyak steps aimed at the best known solution),
 * re-solving only its own blocks, and the cluster bounds add up.
 */
import { solveBlock } from './solve-block.js';
import { activity, clusterRows, initialMultipliers, relaxedRows, type Row } from './lagrangian-rows.js';
import type { LagrangianInput } from './lagrangian-input.js';

export type { LagrangianInput } from './lagrangian-input.js';

export interface LagrangianResult {
  readonly bound: number;
  readonly iterations: number;
  readonly timedOut: boolean;
  /** Flows at each cluster's best multipliers, per block (start points for another rounding). */
  readonly flows: ReadonlyMap<number, Float64Array>;
  readonly clusters: readonly { readonly blocks: readonly number[]; readonly bound: number; readonly iterations: number }[];
}

/**
 * A Lagrangian bound that can be improved in stages: `run(steps)` steps the cluster with the
 * widest gap until the set is within its gap target, the step budget is spent or the deadline
 * passes; `setPrimal` updates the best known solution (the steps' target) between stages.
 */
export class LagrangianSession {
  private readonly steppers: ClusterStepper[];
  private readonly rest: number;
  private primal: number;
  timedOut = false;

  constructor(private readonly input: LagrangianInput) {
    const all = relaxedRows(input.rules, new Set(input.ids), input.floorsHard);
    const rows = all.filter((row) => row.equal || activity(row, input.relaxed) > row.rhs - 1e-9);
    this.steppers = clusterRows(rows, input.ids).map((c) => new ClusterStepper(input, c.rows, c.blocks));
    const clustered = new Set(this.steppers.flatMap((c) => c.blocks));
    let rest = 0;
    for (const b of input.ids) if (!clustered.has(b)) rest += input.relaxedValue.get(b)!;
    this.rest = rest;
    this.primal = input.ids.reduce((sum, b) => sum + input.primalValue.get(b)!, 0);
  }

  get bound(): number {
    return this.rest + this.steppers.reduce((sum, c) => sum + c.bound, 0);
  }

  get iterations(): number {
    return this.steppers.reduce((sum, c) => sum + c.iterations, 0);
  }

  /** Whether no cluster can step any more. */
  get done(): boolean {
    const max = this.input.maxIterations ?? 150;
    return this.steppers.every((c) => c.done || c.iterations >= max);
  }

  /** Flows at each cluster's best multipliers, per block. */
  get flows(): Map<number, Float64Array> {
    const flows = new Map<number, Float64Array>();
    for (const c of this.steppers) for (const [b, f] of c.flows) flows.set(b, f);
    return flows;
  }

  get clusters(): { blocks: readonly number[]; bound: number; iterations: number }[] {
    return this.steppers.map((c) => ({ blocks: c.blocks, bound: c.bound, iterations: c.iterations }));
  }

  setPrimal(values: ReadonlyMap<number, number>): void {
    this.primal = this.input.ids.reduce((sum, b) => sum + values.get(b)!, 0);
    for (const c of this.steppers) c.setTarget(c.blocks.reduce((sum, b) => sum + values.get(b)!, 0));
  }

  run(steps: number): void {
    const max = this.input.maxIterations ?? 150;
    for (let k = 0; k < steps; k++) {
      const bound = this.bound;
      if (bound - this.primal <= this.input.relativeGap * Math.abs(bound)) return;
      const open = this.steppers.filter((c) => !c.done && c.iterations < max);
      if (open.length === 0) return;
      if (this.input.solvers.clock() > this.input.deadline) {
        this.timedOut = true;
        return;
      }
      open.reduce((x, y) => (y.gap > x.gap ? y : x)).step();
    }
  }
}

/** One stage of Lagrangian steps to the gap target (see LagrangianSession). */
export function improveBound(input: LagrangianInput): LagrangianResult {
  const session = new LagrangianSession(input);
  session.run(Number.POSITIVE_INFINITY);
  return { bound: session.bound, iterations: session.iterations, timedOut: session.timedOut, flows: session.flows, clusters: session.clusters };
}

interface Evaluation {
  readonly bound: number;
  readonly subgradient: Float64Array;
  readonly flows: Map<number, Float64Array>;
}

/**
 * Deflected subgradient steps on one cluster of rows (Camerini–Fratta–Maffioli: part of the last
 * direction is kept when the new subgradient turns back against it, which damps the zig-zag of
 * plain steps), Polyak step lengths aimed at the best known solution of the cluster's blocks.
 */
class ClusterStepper {
  done = false;
  private readonly lambda: Float64Array;
  private readonly cap: number;
  private target: number;
  private readonly cache: BlockCache;
  private best: Evaluation | undefined;
  private current: Evaluation | undefined;
  private direction: Float64Array;
  private theta = 1;
  private stall = 0;
  private count = 0;

  constructor(
    private readonly input: LagrangianInput,
    private readonly rows: readonly Row[],
    readonly blocks: readonly number[],
  ) {
    this.cap = maxArcValue(input, blocks) * 2 + 1;
    this.lambda = initialMultipliers(input, rows, this.cap);
    this.direction = new Float64Array(rows.length);
    this.target = blocks.reduce((sum, b) => sum + input.primalValue.get(b)!, 0);
    this.cache = new BlockCache(input, rows, blocks);
  }

  get bound(): number {
    return this.best?.bound ?? this.blocks.reduce((sum, b) => sum + this.input.relaxedValue.get(b)!, 0);
  }

  /** A better known solution: Polyak steps aim at it from now on. */
  setTarget(value: number): void {
    this.target = Math.max(this.target, value);
  }

  get gap(): number {
    return this.bound - this.target;
  }

  get flows(): ReadonlyMap<number, Float64Array> {
    return this.best?.flows ?? new Map();
  }

  get iterations(): number {
    return this.count;
  }

  step(): void {
    this.count++;
    if (!this.current) {
      this.current = this.best = this.cache.evaluate(this.lambda);
      if (!this.current) this.done = true;
      return;
    }
    const g = this.current.subgradient;
    let dot = 0;
    let dd = 0;
    for (let r = 0; r < this.rows.length; r++) {
      dot += g[r]! * this.direction[r]!;
      dd += this.direction[r]! * this.direction[r]!;
    }
    const beta = dot < 0 && dd > 0 ? (-1.5 * dot) / dd : 0;
    const next = new Float64Array(this.rows.length);
    let norm = 0;
    for (let r = 0; r < this.rows.length; r++) {
      next[r] = g[r]! + beta * this.direction[r]!;
      norm += next[r]! * next[r]!;
    }
    if (norm === 0) {
      this.done = true;
      return;
    }
    this.direction = next;
    const step = (this.theta * Math.max(this.current.bound - this.target, 1e-9 * Math.abs(this.current.bound))) / norm;
    this.rows.forEach((row, r) => {
      const moved = this.lambda[r]! + step * next[r]!;
      this.lambda[r] = row.equal ? Math.max(-this.cap, Math.min(this.cap, moved)) : Math.max(0, Math.min(this.cap, moved));
    });
    const evaluated = this.cache.evaluate(this.lambda);
    if (!evaluated) {
      this.done = true;
      return;
    }
    this.current = evaluated;
    if (evaluated.bound < this.best!.bound - 1e-12) {
      this.best = evaluated;
      this.stall = 0;
    } else if (++this.stall >= 5) {
      this.theta /= 2;
      this.stall = 0;
      if (this.theta < 1e-4) this.done = true;
    }
  }
}

/** L(λ) per block, re-solving only blocks whose penalties changed since their last solve. */
class BlockCache {
  private readonly last = new Map<number, { penalty: Float64Array; dual: number; flow: Float64Array }>();

  constructor(
    private readonly input: LagrangianInput,
    private readonly rows: readonly Row[],
    private readonly blocks: readonly number[],
  ) {}

  evaluate(lambda: Float64Array): Evaluation | undefined {
    const penalty = new Map(this.blocks.map((b) => [b, new Float64Array(this.input.blocks[b]!.network.arcCount)] as const));
    this.rows.forEach((row, r) => {
      if (lambda[r] === 0) return;
      for (const [b, a, c] of row.terms) {
        const p = penalty.get(b)!;
        p[a] = p[a]! + Math.floor(lambda[r]! * c * this.input.scale);
      }
    });
    let dual = 0;
    const flows = new Map<number, Float64Array>();
    for (const b of this.blocks) {
      const p = penalty.get(b)!;
      const cached = this.last.get(b);
      if (cached && sameValues(cached.penalty, p)) {
        dual += cached.dual;
        flows.set(b, cached.flow);
        continue;
      }
      const solved = this.solve(b, p);
      if (!solved) return undefined;
      this.last.set(b, { penalty: p, dual: solved.dualBound, flow: solved.flow });
      dual += solved.dualBound;
      flows.set(b, solved.flow);
    }
    let constant = 0;
    const subgradient = new Float64Array(this.rows.length);
    this.rows.forEach((row, r) => {
      let ax = 0;
      for (const [b, a, c] of row.terms) ax += c * flows.get(b)![a]!;
      subgradient[r] = ax - row.rhs;
      constant += lambda[r]! * row.rhs;
    });
    return { bound: -dual / this.input.scale + constant, subgradient, flows };
  }

  private solve(b: number, penalty: Float64Array) {
    const block = this.input.blocks[b]!;
    const cost = block.network.cost.slice();
    for (let a = 0; a < cost.length; a++) cost[a] = cost[a]! + penalty[a]!;
    try {
      return solveBlock({ ...block, network: { ...block.network, cost } }, this.input.base.lower[b]!, this.input.base.upper[b]!, this.input.solvers);
    } catch {
      return undefined; // penalties beyond exact arithmetic: stop here, the bounds so far stand
    }
  }
}

function sameValues(x: Float64Array, y: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Largest value any one arc can carry: no row's multiplier is worth more per unit of its row. */
function maxArcValue(input: LagrangianInput, blocks: readonly number[]): number {
  let most = 0;
  for (const b of blocks) {
    const net = input.blocks[b]!.network;
    for (let a = 0; a < net.arcCount; a++) most = Math.max(most, (-net.cost[a]! * net.capacity[a]!) / input.scale);
  }
  return most;
}
