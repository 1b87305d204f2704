/**
 * Which components to solve on which thread. Components are independent, so on a machine with
 * more than one core they can be solved side by side; it pays only when the work that leaves the
 * calling thread outweighs starting a worker and copying networks to it (measured in
 * benchmarks/scale-bench.ts, see benchmarks/RESULTS.md "Scale").
 *
 * Lanes are filled longest-processing-time first: components by decreasing estimated cost, each
 * to the lane with the least work so far. Lane 0 is the calling thread and takes the largest
 * component, so the critical path never waits for a worker to start or for a copy.
 */

/**
 * Estimated solve cost of a component of `arcs` arcs, in arbitrary units. Network simplex grows
 * faster than linearly on these transport networks (measured on the province batch: 0.68 M arcs
 * 0.53 s, 2.06 M arcs 3.4 s), about as arcs^1.5.
 */
export function componentCost(arcs: number): number {
  return arcs ** 1.5;
}

/**
 * Arcs that must leave the calling thread before a worker is worth starting: the crossover
 * measured by `benchmarks/scale-bench.ts --parts crossover` on this 2-core machine (cold worker,
 * as in a CLI run): 188k arcs offloaded took 1.8× the one-thread time, 727k arcs 0.89×; the two
 * meet near 600k (benchmarks/RESULTS.md, "Scale").
 */
export const PARALLEL_MIN_OFFLOAD_ARCS = 600_000;

export interface ComponentPlan {
  /** Whether any component goes to a worker. */
  readonly parallel: boolean;
  /** Component indexes per lane, in solving order; lane 0 is the calling thread. */
  readonly lanes: ReadonlyArray<readonly number[]>;
  /** Arcs in lanes other than 0. */
  readonly offloadArcs: number;
}

/**
 * Plans the solve of components with `arcCounts[c]` arcs over `threads` threads (the calling
 * thread included). With one thread, or too little work to give away, everything stays in lane 0
 * in component order.
 */
export function planComponentSolve(
  arcCounts: ArrayLike<number>,
  threads: number,
  minOffloadArcs: number = PARALLEL_MIN_OFFLOAD_ARCS,
): ComponentPlan {
  const all = Array.from({ length: arcCounts.length }, (_, c) => c);
  const sequential: ComponentPlan = { parallel: false, lanes: [all], offloadArcs: 0 };
  if (threads < 2 || arcCounts.length < 2) return sequential;
  const order = [...all].sort((a, b) => arcCounts[b]! - arcCounts[a]! || a - b);
  const lanes: number[][] = Array.from({ length: Math.min(threads, order.length) }, () => []);
  const load = new Float64Array(lanes.length);
  for (const c of order) {
    let lane = 0;
    for (let l = 1; l < lanes.length; l++) if (load[l]! < load[lane]!) lane = l;
    lanes[lane]!.push(c);
    load[lane] = load[lane]! + componentCost(arcCounts[c]!);
  }
  let offloadArcs = 0;
  for (let l = 1; l < lanes.length; l++) for (const c of lanes[l]!) offloadArcs += arcCounts[c]!;
  if (offloadArcs < minOffloadArcs) return sequential;
  return { parallel: true, lanes: lanes.filter((lane, l) => l === 0 || lane.length > 0), offloadArcs };
}
