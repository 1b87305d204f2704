/**
 * `--verify`: each component solved again by javascript-lp-solver, as a plain LP stated from the
 * arcs' roles rather than as a circulation (the dense tableau stalls at the all-zero start of a
 * circulation and reports 0). Values are in value units (costs / scale) to keep its floating-point
 * tableau well scaled.
 *
 *   max Σ value·x   s.t.  Σ x out of an offer ≤ its capacity,  Σ x into a need ≤ its demand,
 *                         Σ tier units of a community-form ≤ Σ x into its needs,  0 ≤ x ≤ cap.
 */
import { runJsLp, type JsLpOutcome } from '../../solver/lp/js-lp-oracle.js';
import { ArcRole, type ComponentModel } from '../model/build-model.js';

type Column = Record<string, number>;

/** A component's LP in javascript-lp-solver's model shape (also what benchmarks hand to HiGHS). */
export interface ComponentLp {
  readonly optimize: 'value';
  readonly opType: 'max';
  readonly constraints: Record<string, { max: number }>;
  readonly variables: Record<string, Column>;
}

export function solveComponentWithJsLp(component: ComponentModel, scale: number): JsLpOutcome {
  return runJsLp(componentLp(component, scale));
}

/** The LP of one component, stated from its arcs' roles (see the file comment). */
export function componentLp(component: ComponentModel, scale: number): ComponentLp {
  const net = component.network;
  const constraints: Record<string, { max: number }> = {};
  const variables: Record<string, Column> = {};
  const cfOfNeedNode = new Map<number, number>();
  for (let a = 0; a < net.arcCount; a++) {
    const role = component.arcRole[a];
    if (role === ArcRole.supply) constraints[`o${net.head[a]}`] = { max: net.capacity[a]! };
    if (role === ArcRole.need) {
      constraints[`n${net.tail[a]}`] = { max: net.capacity[a]! };
      if (net.head[a] !== 1) cfOfNeedNode.set(net.tail[a]!, net.head[a]!);
    }
    if (role === ArcRole.tier) constraints[`c${net.tail[a]}`] = { max: 0 };
  }
  for (let a = 0; a < net.arcCount; a++) {
    const role = component.arcRole[a];
    const value = -net.cost[a]! / scale;
    if (role === ArcRole.pair || role === ArcRole.pairStable) {
      const column: Column = { value, [`o${net.tail[a]}`]: 1, [`n${net.head[a]}`]: 1, [`u${a}`]: 1 };
      const cf = cfOfNeedNode.get(net.head[a]!);
      if (cf !== undefined && constraints[`c${cf}`]) column[`c${cf}`] = -1;
      variables[`x${a}`] = column;
      constraints[`u${a}`] = { max: net.capacity[a]! };
    } else if (role === ArcRole.tier) {
      variables[`y${a}`] = { value, [`c${net.tail[a]}`]: 1, [`u${a}`]: 1 };
      constraints[`u${a}`] = { max: net.capacity[a]! };
    }
  }
  return { optimize: 'value', opType: 'max', constraints, variables };
}
