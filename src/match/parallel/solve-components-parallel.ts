/**
 * The solve stage with components spread over threads: lane 0 (see plan-component-solve.ts) is
 * solved here, the other lanes on worker threads behind the {@link ComponentWorkers} port (the
 * pipeline starts no threads itself; jobs/component-pool.ts implements the port). The solver is
 * deterministic, so the outcome is the same, bit for bit, as `solveComponents` in one thread.
 */
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';
import type { MatchModel } from '../model/build-model.js';
import { solveComponentNetwork } from '../solve/solve-component.js';
import type { ComponentSolution, SolvedModel } from '../solve/solve-components.js';
import { planComponentSolve, type ComponentPlan } from './plan-component-solve.js';

/** One component to solve elsewhere: its index (for messages) and network. */
export interface ComponentJob {
  readonly label: number;
  readonly network: FlowNetwork;
}

/** Worker threads that solve components (see jobs/component-pool.ts). */
export interface ComponentWorkers {
  /** Workers available besides the calling thread. */
  readonly count: number;
  /**
   * Queues all `jobs` on worker `w` at once (so it never waits for a busy caller to hand out the
   * next one) and answers their solutions in order.
   */
  solveOn(w: number, jobs: readonly ComponentJob[]): Promise<ComponentSolution[]>;
}

/** Reported after each component: how many are done, and their arcs, of the totals. */
export interface SolveProgress {
  readonly components: number;
  readonly totalComponents: number;
  readonly arcs: number;
  readonly totalArcs: number;
}

export interface ParallelSolveOptions {
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Overrides the crossover (arcs that must leave this thread); for benchmarks and tests. */
  readonly minOffloadArcs?: number;
}

/** The plan `solveComponentsParallel` would follow for a model. */
export function planModelSolve(model: MatchModel, workers: number, minOffloadArcs?: number): ComponentPlan {
  const arcs = model.components.map((c) => c.network.arcCount);
  return planComponentSolve(arcs, workers + 1, minOffloadArcs);
}

/** Solves and certifies every component, spreading them over this thread and `workers`. */
export async function solveComponentsParallel(
  model: MatchModel,
  workers: ComponentWorkers,
  options: ParallelSolveOptions = {},
): Promise<SolvedModel> {
  const plan = planModelSolve(model, workers.count, options.minOffloadArcs);
  const solutions: ComponentSolution[] = new Array(model.components.length);
  const totalArcs = model.components.reduce((s, c) => s + c.network.arcCount, 0);
  let done = 0;
  let doneArcs = 0;
  const finished = (c: number, solution: ComponentSolution) => {
    solutions[c] = solution;
    done++;
    doneArcs += model.components[c]!.network.arcCount;
    options.onProgress?.({ components: done, totalComponents: model.components.length, arcs: doneArcs, totalArcs });
  };
  // Post the workers' lanes first (postMessage copies at once), then solve lane 0 here meanwhile.
  const elsewhere = plan.lanes.slice(1).map((lane, w) =>
    workers.solveOn(w, lane.map((c) => ({ label: c, network: model.components[c]!.network }))).then((answers) => {
      answers.forEach((solution, i) => finished(lane[i]!, solution));
    }),
  );
  // A rejection before lane 0 is done would go unhandled for a while: observe it now, rethrow below.
  const settled = Promise.allSettled(elsewhere);
  for (const c of plan.lanes[0]!) finished(c, solveComponentNetwork(model.components[c]!.network, c));
  for (const outcome of await settled) if (outcome.status === 'rejected') throw outcome.reason;
  return { components: solutions };
}
