/**
 * An independent statement of the pairing model as an LP, solved by javascript-lp-solver.
 * It shares the candidate set and the (quantised) values with the pipeline, but none of the
 * network construction, the flow solver or the decoding: if any of those is wrong, the optimum
 * differs.
 */
import { runJsLp } from '../../src/solver/lp/js-lp-oracle.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { WeightProfile } from '../../src/domain/weights.js';
import { indexBatch } from '../../src/match/model/batch-index.js';
import { findCandidates } from '../../src/match/candidates/find-candidates.js';
import { scoreCandidates } from '../../src/match/scoring/score-candidates.js';
import { buildModel, type MatchModel } from '../../src/match/model/build-model.js';
import { defaultMatchOptions, type MatchOptions } from '../../src/match/types.js';

export function modelStages(batch: Batch, weights: WeightProfile, options: Partial<MatchOptions> = {}) {
  const opts = { ...defaultMatchOptions, ...options };
  const index = indexBatch(batch);
  const candidates = findCandidates(index, { relatedCategoryFit: weights.relatedCategoryFit, forbidden: opts.forbidden, forced: opts.locked, mode: opts.mode });
  const scored = scoreCandidates(index, candidates, weights);
  const model = buildModel(index, candidates, scored, opts);
  return { index, candidates, scored, model, opts };
}

/** Quantised bonus of tier t of community-form cf, as the model's integer costs state it. */
export function tierBonus(model: MatchModel, cf: number, t: number): number {
  return Math.round(model.tiers.tierBonus[cf * model.tiers.tierCount + t]! * model.scale) / model.scale;
}

/** Optimal value of the model (without locks or stability) by javascript-lp-solver. */
export function oracleObjective(batch: Batch, weights: WeightProfile, mode: MatchOptions['mode']): number {
  const { index, candidates, model } = modelStages(batch, weights, { mode });
  const constraints: Record<string, { max?: number; min?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const oneToOne = mode === 'one-to-one';
  index.offers.forEach((o, i) => (constraints[`o${i}`] = { max: oneToOne ? (o.maxPairings ?? 1) : o.capacity }));
  index.needs.forEach((n, i) => (constraints[`n${i}`] = { max: candidates.pooled[i] ? (oneToOne ? 1 : n.quantity) : 0 }));
  for (let e = 0; e < candidates.count; e++) {
    const n = candidates.need[e]!;
    const column: Record<string, number> = { value: model.unitValue[e]!, [`o${candidates.offer[e]}`]: 1, [`n${n}`]: 1 };
    const cf = model.tiers.cfOfNeed[n]!;
    if (cf >= 0) column[`cf${cf}`] = -1;
    variables[`x${e}`] = column;
  }
  for (let cf = 0; cf < model.tiers.count; cf++) {
    // Σ y − Σ x ≤ 0: tier units are bounded by what reaches the community-form.
    constraints[`cf${cf}`] = { max: 0 };
    for (let t = 0; t < model.tiers.tierCount; t++) {
      constraints[`y${cf}_${t}`] = { max: model.tiers.tierCap[cf * model.tiers.tierCount + t]! };
      variables[`y${cf}_${t}`] = { value: tierBonus(model, cf, t), [`cf${cf}`]: 1, [`y${cf}_${t}`]: 1 };
    }
  }
  const outcome = runJsLp({ optimize: 'value', opType: 'max', constraints, variables });
  if (outcome.status !== 'optimal') throw new Error(`oracle: model ${outcome.status}`);
  return outcome.objective;
}
