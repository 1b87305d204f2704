/**
 * The MIP of a set of blocks: one continuous column per arc (the flow part is totally unimodular,
 * so it is never declared integer) with node-balance rows, and binary columns only for the
 * genuinely binary choices of the rules — all-or-nothing groups, switched pairs, funded needs,
 * needs counted toward a floor. Objective: maximise value (−cost / scale).
 */
import type { FlowBlock } from './blocks.js';
import type { Bounds } from './bounds.js';
import type { RuleModel } from './rule-model.js';
import type { MipProblem } from './solver-ports.js';
import type { Decisions } from './decisions.js';

/** Which rule instances take part (all, unless the infeasibility analysis turns some off). */
export interface ActiveRules {
  readonly group: (g: number) => boolean;
  readonly switchLower: (s: number) => boolean;
  readonly edgeLimit: (l: number) => boolean;
  readonly needLimit: (l: number) => boolean;
  readonly floor: (f: number) => boolean;
}

export const allRulesActive: ActiveRules = { group: () => true, switchLower: () => true, edgeLimit: () => true, needLimit: () => true, floor: () => true };

/**
 * How floors enter: `hard` (every floor met), or soft with a binary "covered" per floor —
 * `coverage` maximises the number of floors met (value ignored), `atLeast` asks for at least
 * that many floors met while maximising value (together: most floors first, then value).
 */
export type FloorMode = { readonly kind: 'hard' } | { readonly kind: 'coverage' } | { readonly kind: 'atLeast'; readonly covered: number };

export interface BuiltMip {
  readonly problem: MipProblem;
  /** Reads the binary choices off a solution vector. */
  readonly decisions: (values: Float64Array) => Decisions;
  /** Floors (indices) a solution vector leaves unmet (soft floor modes only). */
  readonly waived: (values: Float64Array) => number[];
}

/** Sparse rows under construction. */
class RowList {
  readonly start: number[] = [0];
  readonly index: number[] = [];
  readonly value: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  add(cols: readonly number[], coefs: readonly number[], lo: number, hi: number): void {
    for (let i = 0; i < cols.length; i++) {
      this.index.push(cols[i]!);
      this.value.push(coefs[i]!);
    }
    this.start.push(this.index.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
}

/** Builds the MIP of blocks `ids` (every rule instance must lie within them). */
export function buildMip(
  blocks: readonly FlowBlock[],
  ids: readonly number[],
  rules: RuleModel,
  bounds: Bounds,
  scale: number,
  active: ActiveRules = allRulesActive,
  floorMode: FloorMode = { kind: 'hard' },
): BuiltMip {
  const offset = new Map<number, number>();
  let cols = 0;
  for (const b of ids) {
    offset.set(b, cols);
    cols += blocks[b]!.network.arcCount;
  }
  const col = (b: number, a: number) => offset.get(b)! + a;
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  for (const b of ids) {
    const net = blocks[b]!.network;
    for (let a = 0; a < net.arcCount; a++) {
      cost.push(floorMode.kind === 'coverage' ? 0 : -net.cost[a]! / scale);
      lower.push(bounds.lower[b]![a]!);
      upper.push(bounds.upper[b]![a]!);
      integer.push(0);
    }
  }
  const binary = (lo = 0, hi = 1) => {
    cost.push(0);
    lower.push(lo);
    upper.push(hi);
    integer.push(1);
    return cols++;
  };
  const rows = new RowList();
  for (const b of ids) balanceRows(blocks[b]!, offset.get(b)!, rows);
  const inSet = new Set(ids);
  const groupCol = groupColumns(rules, inSet, active, rows, col, binary);
  const switchCol = switchColumns(rules, inSet, active, rows, col, binary);
  const needFunded = needLimitColumns(rules, inSet, active, rows, col, binary);
  const { counted: needCounted, covered } = floorColumns(rules, inSet, active, rows, col, binary, floorMode, cost);
  const problem: MipProblem = {
    numCols: cols,
    numRows: rows.lower.length,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    integer: Uint8Array.from(integer),
    rowStart: Int32Array.from(rows.start),
    rowIndex: Int32Array.from(rows.index),
    rowValue: Float64Array.from(rows.value),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
  };
  const on = (values: Float64Array, c: number) => values[c]! > 0.5;
  return {
    problem,
    decisions: (values) => ({
      groupMet: new Map([...groupCol].map(([g, c]) => [g, on(values, c)] as const)),
      switchOn: new Map([...switchCol].map(([s, c]) => [s, on(values, c)] as const)),
      needNone: new Set([...needFunded].filter(([, c]) => !on(values, c)).map(([n]) => n)),
      needMet: new Set([...needCounted].filter(([, c]) => on(values, c)).map(([n]) => n)),
    }),
    waived: (values) => [...covered].filter(([, c]) => !on(values, c)).map(([f]) => f),
  };
}

/** Flow balance: out − in = 0 at every node (the blocks are circulations). */
function balanceRows(block: FlowBlock, offset: number, rows: RowList): void {
  const net = block.network;
  const cols: number[][] = Array.from({ length: net.nodeCount }, () => []);
  const coefs: number[][] = Array.from({ length: net.nodeCount }, () => []);
  for (let a = 0; a < net.arcCount; a++) {
    cols[net.tail[a]!]!.push(offset + a);
    coefs[net.tail[a]!]!.push(1);
    cols[net.head[a]!]!.push(offset + a);
    coefs[net.head[a]!]!.push(-1);
  }
  for (let v = 0; v < net.nodeCount; v++) rows.add(cols[v]!, coefs[v]!, 0, 0);
}

type Col = (b: number, a: number) => number;
type Binary = (lo?: number, hi?: number) => number;

/** y_g: every member's arc carries all its units when y = 1, nothing when y = 0. */
function groupColumns(rules: RuleModel, blocks: ReadonlySet<number>, active: ActiveRules, rows: RowList, col: Col, binary: Binary): Map<number, number> {
  const cols = new Map<number, number>();
  rules.groups.forEach((g, gi) => {
    const members = g.needs.filter((n) => rules.targets[n] && blocks.has(rules.targets[n]!.block));
    if (members.length === 0 || !active.group(gi)) return;
    const y = binary(g.forced ? 1 : 0, g.blocked ? 0 : 1);
    cols.set(gi, y);
    for (const n of members) {
      const t = rules.targets[n]!;
      rows.add([col(t.block, t.arc), y], [1, -t.units], 0, 0);
      for (const a of t.shortArcs) rows.add([col(t.block, a), y], [1, 1], Number.NEGATIVE_INFINITY, 1);
    }
  });
  return cols;
}

/** z_s: a switched pair carries 0, or between its smallest allocation and its capacity. */
function switchColumns(rules: RuleModel, blocks: ReadonlySet<number>, active: ActiveRules, rows: RowList, col: Col, binary: Binary): Map<number, number> {
  const cols = new Map<number, number>();
  const limited = new Set<number>();
  rules.edgeLimits.forEach((limit, l) => {
    if (active.edgeLimit(l)) for (const s of limit.switches) limited.add(s);
  });
  rules.switches.forEach((sw, s) => {
    if (!blocks.has(sw.block)) return;
    const needsLower = sw.lower > 1 && active.switchLower(s);
    if (!needsLower && !limited.has(s)) return;
    const z = binary();
    cols.set(s, z);
    const arcCols = sw.arcs.map((a) => col(sw.block, a));
    rows.add([...arcCols, z], [...arcCols.map(() => 1), -sw.upper], Number.NEGATIVE_INFINITY, 0);
    if (needsLower) rows.add([...arcCols, z], [...arcCols.map(() => 1), -sw.lower], 0, Number.POSITIVE_INFINITY);
  });
  rules.edgeLimits.forEach((limit, l) => {
    if (!active.edgeLimit(l)) return;
    const zs = limit.switches.map((s) => cols.get(s)).filter((c): c is number => c !== undefined);
    if (zs.length > 0) rows.add(zs, zs.map(() => 1), Number.NEGATIVE_INFINITY, limit.limit);
  });
  return cols;
}

/** f_n: a need counted by a funded-project limit gets anything only when f = 1. */
function needLimitColumns(rules: RuleModel, blocks: ReadonlySet<number>, active: ActiveRules, rows: RowList, col: Col, binary: Binary): Map<number, number> {
  const cols = new Map<number, number>();
  rules.needLimits.forEach((limit, l) => {
    if (!active.needLimit(l)) return;
    const fs: number[] = [];
    for (const n of limit.needs) {
      const t = rules.targets[n];
      if (!t || !blocks.has(t.block)) continue;
      let f = cols.get(n);
      if (f === undefined) {
        cols.set(n, (f = binary()));
        rows.add([col(t.block, t.arc), f], [1, -t.units], Number.NEGATIVE_INFINITY, 0);
      }
      fs.push(f);
    }
    if (fs.length > 0) rows.add(fs, fs.map(() => 1), Number.NEGATIVE_INFINITY, limit.limit);
  });
  return cols;
}

/** w_n: a need counts toward its community's floor only when met in full; c_f: floor f is met (soft modes). */
function floorColumns(
  rules: RuleModel,
  blocks: ReadonlySet<number>,
  active: ActiveRules,
  rows: RowList,
  col: Col,
  binary: Binary,
  mode: FloorMode,
  cost: number[],
): { counted: Map<number, number>; covered: Map<number, number> } {
  const counted = new Map<number, number>();
  const covered = new Map<number, number>();
  rules.floors.forEach((floor, fi) => {
    if (!active.floor(fi)) return;
    const ws: number[] = [];
    for (const n of floor.needs) {
      const t = rules.targets[n];
      if (!t || !blocks.has(t.block)) continue;
      let w = counted.get(n);
      if (w === undefined) {
        counted.set(n, (w = binary()));
        rows.add([col(t.block, t.arc), w], [1, -t.units], 0, Number.POSITIVE_INFINITY);
        for (const a of t.shortArcs) rows.add([col(t.block, a), w], [1, 1], Number.NEGATIVE_INFINITY, 1);
      }
      ws.push(w);
    }
    if (ws.length === 0) return;
    if (mode.kind === 'hard') {
      rows.add(ws, ws.map(() => 1), floor.floor, Number.POSITIVE_INFINITY);
      return;
    }
    const c = binary();
    if (mode.kind === 'coverage') cost[c] = 1;
    covered.set(fi, c);
    rows.add([...ws, c], [...ws.map(() => 1), -floor.floor], 0, Number.POSITIVE_INFINITY);
  });
  if (mode.kind === 'atLeast' && covered.size > 0) {
    const cs = [...covered.values()];
    rows.add(cs, cs.map(() => 1), mode.covered, Number.POSITIVE_INFINITY);
  }
  return { counted, covered };
}
