/**
 * Arc bounds per block, and the decisions that set them. A decision on a rule's binary choice
 * (meet this need in full, give it nothing, switch this pair on or off) is nothing but bounds on
 * arcs, so once every choice is made what is left is a network with lower and upper bounds: the
 * flow solver finishes it exactly, with potentials (prices) and its certificate.
 */
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';
import type { FlowBlock } from './blocks.js';
import type { EdgeSwitch, NeedTarget } from './rule-model.js';

export interface Bounds {
  readonly lower: Float64Array[];
  readonly upper: Float64Array[];
}

/** Bounds [0, capacity] on every arc. */
export function freshBounds(blocks: readonly FlowBlock[]): Bounds {
  return {
    lower: blocks.map((b) => new Float64Array(b.network.arcCount)),
    upper: blocks.map((b) => b.network.capacity.slice()),
  };
}

export function copyBounds(bounds: Bounds): Bounds {
  return { lower: bounds.lower.map((l) => l.slice()), upper: bounds.upper.map((u) => u.slice()) };
}

/** The need is met in full: its arc carries all its units, none through short arcs. */
export function forceMet(bounds: Bounds, t: NeedTarget): void {
  bounds.lower[t.block]![t.arc] = Math.min(t.units, bounds.upper[t.block]![t.arc]!);
  for (const a of t.shortArcs) bounds.upper[t.block]![a] = 0;
}

/** The need gets nothing. */
export function forceNone(bounds: Bounds, t: NeedTarget): void {
  bounds.upper[t.block]![t.arc] = 0;
  bounds.lower[t.block]![t.arc] = 0;
}

/** The pair carries at least its smallest allocation (on its cheaper, stable arc first). */
export function switchOn(bounds: Bounds, sw: EdgeSwitch): void {
  let rest = sw.lower;
  for (const a of sw.arcs) {
    const take = Math.min(rest, bounds.upper[sw.block]![a]!);
    bounds.lower[sw.block]![a] = take;
    rest -= take;
  }
}

/** The pair carries nothing. */
export function switchOff(bounds: Bounds, sw: EdgeSwitch): void {
  for (const a of sw.arcs) {
    bounds.upper[sw.block]![a] = 0;
    bounds.lower[sw.block]![a] = 0;
  }
}

/**
 * The block's network with its bounds, lower bounds moved into node supplies
 * (x = lower + x', 0 <= x' <= upper − lower), ready for the flow solver; `constant` is the cost
 * the lower bounds already carry. Returns undefined when some lower bound exceeds its upper one.
 */
export function boundedNetwork(block: FlowBlock, lower: Float64Array, upper: Float64Array): { network: FlowNetwork; constant: number } | undefined {
  const net = block.network;
  const supply = new Float64Array(net.nodeCount);
  const capacity = new Float64Array(net.arcCount);
  let constant = 0;
  for (let a = 0; a < net.arcCount; a++) {
    const l = lower[a]!;
    const u = upper[a]!;
    if (l > u) return undefined;
    capacity[a] = u - l;
    if (l === 0) continue;
    supply[net.tail[a]!] = supply[net.tail[a]!]! - l;
    supply[net.head[a]!] = supply[net.head[a]!]! + l;
    constant += net.cost[a]! * l;
  }
  return { network: { ...net, capacity, supply }, constant };
}
