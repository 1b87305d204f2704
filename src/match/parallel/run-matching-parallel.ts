/**
 * `runMatching` with the solve stage spread over worker threads when the model is large enough
 * for that to pay (see plan-component-solve.ts). The result is the same as `runMatching`'s, bit
 * for bit apart from timings: the stages are the same functions and the solver is deterministic.
 * Runs that solve differently (policy rules, the LP verification, the price of fairness, which
 * re-runs the matching) take `runMatching` itself.
 */
import type { Batch } from '../../domain/batch-schema.js';
import type { WeightProfile } from '../../domain/weights.js';
import { prepareModel, resultOfSolve, runMatching, stageTimer } from '../run-matching.js';
import { defaultMatchOptions, type MatchOptions, type MatchResult } from '../types.js';
import { anyRuleOn, parsePolicyOptions, PriceOptionsSchema } from '../policy/options.js';
import { planModelSolve, solveComponentsParallel, type ComponentWorkers, type SolveProgress } from './solve-components-parallel.js';

/** What a long run reports as it goes (for a progress display). */
export interface MatchingProgress {
  /** A stage finished, with the milliseconds it took by the run's clock. */
  readonly onStage?: (stage: string, ms: number) => void;
  /** A component of the model was solved. */
  readonly onSolve?: (progress: SolveProgress) => void;
  /** The model is built: how many components and arcs the solve will work through. */
  readonly onModel?: (components: number, arcs: number, parallel: boolean) => void;
}

/**
 * Pairs a batch like {@link runMatching}, solving components on `workers` besides this thread.
 * @throws InvalidInputError when locked pairs contradict the batch.
 */
export async function runMatchingParallel(
  batch: Batch,
  weights: WeightProfile,
  options: Partial<MatchOptions>,
  clock: () => number,
  workers: ComponentWorkers,
  progress: MatchingProgress = {},
): Promise<MatchResult> {
  const opts: MatchOptions = { ...defaultMatchOptions, ...options };
  const reports = PriceOptionsSchema.parse(opts.reports ?? {});
  if (anyRuleOn(parsePolicyOptions(opts.policy)) || opts.verify || reports.priceOfFairness) {
    return runMatching(batch, weights, options, clock);
  }
  const timer = stageTimer(clock);
  let last = clock();
  const lap = (stage: string) => {
    timer.lap(stage);
    const now = clock();
    progress.onStage?.(stage, now - last);
    last = now;
  };
  const prepared = prepareModel(batch, weights, opts, lap);
  const { model } = prepared;
  const arcs = model.components.reduce((s, c) => s + c.network.arcCount, 0);
  const solveOptions = progress.onSolve ? { onProgress: progress.onSolve } : {};
  progress.onModel?.(model.components.length, arcs, planModelSolve(model, workers.count).parallel);
  const solved = await solveComponentsParallel(model, workers, solveOptions);
  lap('solve');
  const result = resultOfSolve(prepared, solved, opts, weights.name, timer, reports.prices);
  progress.onStage?.('results', clock() - last);
  return result;
}
