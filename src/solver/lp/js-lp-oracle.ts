/**
 * An independent oracle for min-cost flow: the same problem written as a plain LP and solved by
 * `javascript-lp-solver` (a dense-tableau simplex that shares no code with ours). Slow and
 * memory-hungry, so only for small models: tests and `--verify`.
 */
import jsLpDefault from 'javascript-lp-solver';
import type { Model, SolveResult, SolverAPI } from 'javascript-lp-solver';
import type { FlowNetwork } from '../min-cost-flow/network.js';

/**
 * The package's types describe its CommonJS build (`module.exports = solver`, typed as
 * `{default: solver}`), while Node's ESM loader hands out its .mjs build whose default export is
 * the solver itself; accept either.
 */
const solver: SolverAPI =
  (jsLpDefault as unknown as { default?: SolverAPI }).default ?? (jsLpDefault as unknown as SolverAPI);

/** Largest tableau (rows × columns) the oracle agrees to build; ~ 8 bytes per cell. */
export const defaultJsLpMaxCells = 4_000_000;

export type JsLpOutcome =
  | { readonly status: 'optimal'; readonly objective: number }
  | JsLpNonOptimal;

/** Why the oracle has no optimum: the model is infeasible, unbounded, or too big to try. */
export type JsLpNonOptimal =
  | { readonly status: 'infeasible' }
  | { readonly status: 'unbounded' }
  | { readonly status: 'too_large'; readonly cells: number; readonly maxCells: number };

/**
 * Rough size of javascript-lp-solver's dense tableau for an LP with `rows` constraints and
 * `columns` variables: every constraint gets a slack column.
 */
export function jsLpTableauCells(rows: number, columns: number): number {
  return (rows + 1) * (columns + rows + 1);
}

/** Tableau size of a network's LP: two rows per node equation, one per capacity. */
function networkCells(net: FlowNetwork): number {
  return jsLpTableauCells(2 * net.nodeCount + net.arcCount, net.arcCount);
}

/** Whether a network is small enough for {@link solveFlowAsLp}. */
export function jsLpFitsNetwork(net: FlowNetwork, maxCells = defaultJsLpMaxCells): boolean {
  return networkCells(net) <= maxCells;
}

/** The oracle's answer for a flow network, in the network's own terms (its minimum cost). */
export type FlowLpOutcome = { readonly status: 'optimal'; readonly cost: number } | JsLpNonOptimal;

/**
 * Solves min Σ cost·flow, 0 <= flow <= capacity, outflow − inflow = supply at every node, with
 * javascript-lp-solver. Returns only the optimal cost (the package rounds variable values).
 * Models above `maxCells` come back as `too_large` without being tried: check
 * {@link jsLpFitsNetwork} first.
 */
export function solveFlowAsLp(net: FlowNetwork, maxCells = defaultJsLpMaxCells): FlowLpOutcome {
  const outcome = solveMinCostFlowWithJsLp(net, maxCells);
  return outcome.status === 'optimal' ? { status: 'optimal', cost: outcome.objective } : outcome;
}

/** {@link solveFlowAsLp} with the generic outcome shape (`objective` = the minimum cost). */
export function solveMinCostFlowWithJsLp(net: FlowNetwork, maxCells = defaultJsLpMaxCells): JsLpOutcome {
  const cells = networkCells(net);
  if (cells > maxCells) return { status: 'too_large', cells, maxCells };
  const constraints: Model['constraints'] = {};
  for (let v = 0; v < net.nodeCount; v++) constraints[`v${v}`] = { equal: net.supply[v]! };
  const variables: Model['variables'] = {};
  for (let a = 0; a < net.arcCount; a++) {
    const column: Record<string, number> = { cost: net.cost[a]!, [`u${a}`]: 1 };
    const t = `v${net.tail[a]}`;
    const h = `v${net.head[a]}`;
    column[t] = (column[t] ?? 0) + 1;
    column[h] = (column[h] ?? 0) - 1;
    constraints[`u${a}`] = { max: net.capacity[a]! };
    variables[`x${a}`] = column;
  }
  return runJsLp({ optimize: 'cost', opType: 'min', constraints, variables });
}

/**
 * Runs a javascript-lp-solver model and maps its answer onto {@link JsLpOutcome}.
 * Presolve is off unless the model asks for it: in javascript-lp-solver 1.0.3 it returns a wrong
 * objective (0 instead of −1) for `min −x s.t. −x = −1, x = 1`, found by our property tests.
 */
export function runJsLp(model: Model): JsLpOutcome {
  const result = solver.Solve({ ...model, options: { presolve: false, ...model.options } }) as SolveResult;
  if (!result.feasible) return { status: 'infeasible' };
  if (result.bounded === false) return { status: 'unbounded' };
  return { status: 'optimal', objective: result.result };
}
