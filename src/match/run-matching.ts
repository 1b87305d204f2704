/**
 * The pipeline in one place: batch → candidates → scoring → model → solve → pairings.
 * Pure and deterministic: the clock is passed in only to report stage timings.
 */
import type { Batch } from '../domain/batch-schema.js';
import type { WeightProfile } from '../domain/weights.js';
import { indexBatch } from './model/batch-index.js';
import { findCandidates } from './candidates/find-candidates.js';
import { scoreCandidates } from './scoring/score-candidates.js';
import { buildModel } from './model/build-model.js';
import { solveComponents, type SolvedModel } from './solve/solve-components.js';
import { allocate, decodePairings } from './pairings/decode.js';
import { explainUnmet } from './pairings/unmet.js';
import { coverageOf, offerUsage } from './pairings/coverage.js';
import { summariseSolve } from './pairings/solve-summary.js';
import { exportTransport, type TransportV1 } from './model/export-transport.js';
import { defaultMatchOptions, type MatchOptions, type MatchResult } from './types.js';
import { anyRuleOn, parsePolicyOptions, PriceOptionsSchema } from './policy/options.js';
import { matchWithPolicy } from './policy/match-with-policy.js';
import { priceReport } from './prices/price-report.js';
import { priceOfFairness } from './prices/price-of-fairness.js';

/**
 * Pairs a validated, normalised batch (see intake) under a weight profile.
 * @throws InvalidInputError when locked pairs contradict the batch.
 */
export function runMatching(
  batch: Batch,
  weights: WeightProfile,
  options: Partial<MatchOptions> = {},
  clock: () => number = () => 0,
): MatchResult {
  const opts: MatchOptions = { ...defaultMatchOptions, ...options };
  const timer = stageTimer(clock);
  const prepared = prepareModel(batch, weights, opts, timer.lap);
  const policy = parsePolicyOptions(opts.policy);
  const reports = PriceOptionsSchema.parse(opts.reports ?? {});
  const fairness = (result: MatchResult): MatchResult =>
    reports.priceOfFairness ? { ...result, priceOfFairness: priceOfFairness(batch, weights, opts, result, runMatching, clock) } : result;
  if (anyRuleOn(policy)) return fairness(matchWithPolicy(prepared, opts, policy, weights.name, clock, timer, reports.prices));
  const solved = solveComponents(prepared.model, { verify: opts.verify, verifyMaxArcs: opts.verifyMaxArcs });
  timer.lap('solve');
  return fairness(resultOfSolve(prepared, solved, opts, weights.name, timer, reports.prices));
}

/** What `prepareModel` gives: the batch index, candidates, scores and model of a run. */
export type PreparedModel = ReturnType<typeof prepareModel>;

/**
 * The stages after the solve (pairings, unmet needs, coverage, prices on request) as a run's
 * result; shared by `runMatching` and the parallel run (match/parallel/run-matching-parallel.ts).
 */
export function resultOfSolve(
  prepared: PreparedModel,
  solved: SolvedModel,
  opts: MatchOptions,
  weightProfile: string,
  timer: StageTimer,
  withPrices: boolean,
): MatchResult {
  const { index, candidates, scored, model } = prepared;
  const allocation = allocate(candidates, model, solved);
  const pairings = decodePairings(index, candidates, scored, model, allocation, opts.alternates);
  const unmet = explainUnmet(index, candidates, model, allocation);
  const coverage = coverageOf(index, candidates, allocation);
  const offers = offerUsage(index, candidates, allocation);
  const prices = withPrices ? { prices: priceReport({ index, candidates, scored, model, solved, allocation, policy: false }) } : {};
  timer.lap('results');
  return {
    mode: opts.mode,
    weightProfile,
    pairings,
    unmet,
    offers,
    coverage,
    candidates: { pairsConsidered: candidates.pairsConsidered, candidates: candidates.count, removedBy: candidates.removedBy },
    solve: summariseSolve(model, solved, allocation, timer.laps()),
    ...prices,
  };
}

/** The stages up to the model, shared by a run, a model export and the benchmarks. */
export function prepareModel(batch: Batch, weights: WeightProfile, opts: MatchOptions, lap: (stage: string) => void = () => {}) {
  const index = indexBatch(batch);
  const candidates = findCandidates(index, {
    relatedCategoryFit: weights.relatedCategoryFit,
    forbidden: opts.forbidden,
    forced: opts.locked,
    mode: opts.mode,
  });
  lap('candidates');
  const scored = scoreCandidates(index, candidates, weights);
  lap('scoring');
  const model = buildModel(index, candidates, scored, opts);
  lap('model');
  return { index, candidates, scored, model };
}

/** The model a run would solve, in `transport/v1` (its flow core; see export-transport.ts). */
export function exportTransportModel(batch: Batch, weights: WeightProfile, options: Partial<MatchOptions> = {}): TransportV1 {
  const { index, candidates, model } = prepareModel(batch, weights, { ...defaultMatchOptions, ...options });
  return exportTransport(index, candidates, model);
}

/** Ends stages and lists their durations (milliseconds, by the run's clock). */
export interface StageTimer {
  lap(stage: string): void;
  laps(): Record<string, number>;
}

/** Times the stages of a run with the given clock: `lap(stage)` ends a stage, `laps()` lists them. */
export function stageTimer(clock: () => number): StageTimer {
  const start = clock();
  let last = start;
  const laps: Record<string, number> = {};
  return {
    lap(name: string) {
      const now = clock();
      laps[name] = now - last;
      last = now;
    },
    laps() {
      return { ...laps, total: last - start };
    },
  };
}
