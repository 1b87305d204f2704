/**
 * Everything a policy solve works on, built from the pipeline's model: blocks with the budget
 * caps written in, the rule instances (with the edges rules forbid cut), the floors after their
 * exemptions, and the base bounds (locked all-or-nothing groups met, blocked ones empty).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import { buildBlocks, type BlockSet } from './blocks.js';
import { resolveBudgets, type ResolvedBudgets } from './budget-plan.js';
import { freshBounds, forceMet, forceNone, type Bounds } from './bounds.js';
import { planFloors, type FloorExemption } from './floors.js';
import { lockFacts, type LockFacts } from './lock-facts.js';
import type { PolicyOptions } from './options.js';
import { buildRuleModel, type RuleModel } from './rule-model.js';
import { InvalidInputError } from '../../domain/issues.js';

export interface PreparedRules {
  readonly blockSet: BlockSet;
  readonly rules: RuleModel;
  readonly base: Bounds;
  readonly locks: LockFacts;
  readonly budgets: ResolvedBudgets;
  readonly exemptions: readonly FloorExemption[];
  /** Pair arcs (local to the need's block) into each need. */
  readonly pairArcsOfNeed: readonly (readonly number[])[];
}

export function prepareRules(index: BatchIndex, candidates: CandidateSet, model: MatchModel, policy: PolicyOptions): PreparedRules {
  if (policy.budgets && model.mode === 'one-to-one') {
    throw new InvalidInputError(
      [{ path: ['policy', 'budgets'], code: 'unsupported', message: 'budget caps count yuan along flows; use them in flow mode (one-to-one pairings carry fixed shares)' }],
      'policy',
    );
  }
  const locks = lockFacts(index, candidates, model);
  const budgets = resolveBudgets(index, candidates, model.locks, policy.budgets);
  const blockSet = buildBlocks(index, model, budgets, candidates.count);
  const partial = buildRuleModel(index, candidates, model, blockSet, policy, locks);
  const plan = planFloors(index, candidates, model, blockSet, partial, policy, locks, budgets);
  const rules: RuleModel = { ...partial, floors: plan.floors };
  const base = freshBounds(blockSet.blocks);
  for (const g of rules.groups) {
    for (const n of g.needs) {
      const t = rules.targets[n];
      if (!t) continue;
      if (g.blocked) forceNone(base, t);
      else if (g.forced) forceMet(base, t);
    }
  }
  const pairArcsOfNeed: number[][] = index.needs.map(() => []);
  for (let e = 0; e < candidates.count; e++) {
    if (blockSet.edgeArcA[e]! >= 0) pairArcsOfNeed[candidates.need[e]!]!.push(blockSet.edgeArcA[e]!);
    if (blockSet.edgeArcB[e]! >= 0) pairArcsOfNeed[candidates.need[e]!]!.push(blockSet.edgeArcB[e]!);
  }
  return { blockSet, rules, base, locks, budgets, exemptions: plan.exemptions, pairArcsOfNeed };
}
