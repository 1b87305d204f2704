/**
 * Locked pairs oblige completing their all-or-nothing need or bundle. Where the block's capacity
 * cannot complete it (with nothing else asked of the block), the obligation is released: the lock
 * stays, the need stays partly met, and the result reports the conflict.
 */
import type { BatchIndex } from '../model/batch-index.js';
import { copyBounds } from './bounds.js';
import type { PreparedRules } from './prepare-rules.js';
import type { RuleConflict } from './report-types.js';
import type { NeedGroup } from './rule-model.js';
import { solveBlock } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';

export function releaseImpossibleObligations(index: BatchIndex, prepared: PreparedRules, solvers: PolicySolvers): { prepared: PreparedRules; conflicts: RuleConflict[] } {
  const { rules, blockSet } = prepared;
  const forced = rules.groups.map((g, i) => (g.forced && !g.blocked ? i : -1)).filter((i) => i >= 0);
  if (forced.length === 0) return { prepared, conflicts: [] };
  const base = copyBounds(prepared.base);
  const groups: NeedGroup[] = [...rules.groups];
  const conflicts: RuleConflict[] = [];
  const blocksOf = (g: number) => new Set(rules.groups[g]!.needs.flatMap((n) => (rules.targets[n] ? [rules.targets[n]!.block] : [])));
  const touched = new Set(forced.flatMap((g) => [...blocksOf(g)]));
  for (const b of touched) {
    const mine = forced.filter((g) => blocksOf(g).has(b));
    while (!solveBlock(blockSet.blocks[b]!, base.lower[b]!, base.upper[b]!, solvers)) {
      const g = mine.shift();
      if (g === undefined) throw new Error('match/policy: a block has no feasible flow even without obligations from locks');
      for (const n of rules.groups[g]!.needs) {
        const t = rules.targets[n];
        if (t) base.lower[t.block]![t.arc] = 0;
      }
      groups[g] = { ...rules.groups[g]!, forced: false };
      const name = rules.groups[g]!.needs.map((n) => index.needs[n]!.id).join(', ');
      conflicts.push({
        rules: [rules.groups[g]!.rule, `locked pairs of ${name}`],
        explanation: `locked pairs oblige meeting ${name} in full, but the offers left cannot complete it`,
        relaxations: [
          { action: 'keep the locks; the need stays partly met', applied: true },
          { action: 'drop the locks, or add capacity to its candidate offers', applied: false },
        ],
      });
    }
  }
  return { prepared: { ...prepared, base, rules: { ...rules, groups } }, conflicts };
}
