/**
 * Blocks that rule instances tie together (a bundle across forms, a community's floor over its
 * needs of every form, a provider's funded projects over its offers) must be decided together:
 * the connected groups of blocks under those ties. Each set is then solved on its own.
 */
import { splitComponents } from '../model/components.js';
import type { RuleModel } from './rule-model.js';

export interface CoupledSet {
  readonly blocks: readonly number[];
  readonly arcs: number;
  /** Whether any rule instance lies in the set (if not, it is a plain flow problem). */
  readonly hasRules: boolean;
}

export function coupledSets(blockCount: number, arcCount: (b: number) => number, rules: RuleModel): CoupledSet[] {
  const a: number[] = [];
  const b: number[] = [];
  const ruled = new Uint8Array(blockCount);
  const tie = (blocks: readonly number[]) => {
    for (const x of blocks) ruled[x] = 1;
    for (let i = 1; i < blocks.length; i++) {
      a.push(blocks[0]!);
      b.push(blocks[i]!);
    }
  };
  const ofNeeds = (needs: readonly number[]) => needs.flatMap((n) => (rules.targets[n] ? [rules.targets[n]!.block] : []));
  for (const g of rules.groups) tie(ofNeeds(g.needs));
  for (const f of rules.floors) tie(ofNeeds(f.needs));
  for (const l of rules.needLimits) tie(ofNeeds(l.needs));
  for (const l of rules.edgeLimits) tie(l.switches.map((s) => rules.switches[s]!.block));
  for (const s of rules.switches) ruled[s.block] = 1;
  const split = splitComponents(blockCount, a, b);
  const members: number[][] = Array.from({ length: split.count }, () => []);
  for (let x = 0; x < blockCount; x++) members[split.componentOf[x]!]!.push(x);
  return members.map((blocks) => ({
    blocks,
    arcs: blocks.reduce((s, x) => s + arcCount(x), 0),
    hasRules: blocks.some((x) => ruled[x] === 1),
  }));
}
