/**
 * Reads the rules off a solution (one flow array per block): which needs are met, which switches
 * are on, and every rule instance the solution breaks. The flow core uses it to decide what to
 * fix next; the run uses it to re-check its final answer.
 */
import type { RuleModel } from './rule-model.js';
import type { RuleViolation } from './report-types.js';

export type { RuleViolation } from './report-types.js';

/** Flows per block, in block arc order. */
export type BlockFlows = readonly Float64Array[];

const EPS = 1e-6;

/** Flow units a need received (0 without a target). */
export function unitsOf(rules: RuleModel, flows: BlockFlows, n: number): number {
  const t = rules.targets[n];
  return t ? flows[t.block]![t.arc]! : 0;
}

/** Whether a need is met in full by the solution (locked needs are counted elsewhere). */
export function isMet(rules: RuleModel, flows: BlockFlows, n: number): boolean {
  const t = rules.targets[n];
  if (!t) return false;
  const f = flows[t.block]!;
  if (f[t.arc]! < t.units - EPS) return false;
  for (const a of t.shortArcs) if (f[a]! > EPS) return false;
  return true;
}

/** Flow units on a switch's arcs. */
export function switchUnits(rules: RuleModel, flows: BlockFlows, s: number): number {
  const sw = rules.switches[s]!;
  let x = 0;
  for (const a of sw.arcs) x += flows[sw.block]![a]!;
  return x;
}

/**
 * Every rule instance the flows break; empty when the solution keeps every rule. With `blocks`,
 * only instances in those blocks are read (the others' flows may not exist yet). Floors listed in
 * `waived` (met as many as any assignment can, see solve-policy) are not counted.
 */
export function ruleViolations(
  rules: RuleModel,
  flows: BlockFlows,
  needId: (n: number) => string,
  blocks?: ReadonlySet<number>,
  waived: ReadonlySet<number> = new Set(),
): RuleViolation[] {
  const here = (b: number | undefined) => b !== undefined && (blocks === undefined || blocks.has(b));
  const needHere = (n: number) => here(rules.targets[n]?.block);
  const out: RuleViolation[] = [];
  for (const g of rules.groups) {
    if (!g.needs.some(needHere)) continue;
    const met = g.needs.filter((n) => isMet(rules, flows, n)).length;
    const touched = g.needs.filter((n) => unitsOf(rules, flows, n) > EPS).length;
    if (g.forced ? met !== g.needs.length : met !== g.needs.length && touched > 0) {
      out.push({ rule: g.rule, key: g.id, detail: `${met} of ${g.needs.length} met in full, ${touched} given something${g.forced ? ' (locked pairs oblige completion)' : ''}` });
    }
  }
  rules.switches.forEach((sw, s) => {
    if (!here(sw.block)) return;
    const x = switchUnits(rules, flows, s);
    if (x > EPS && (x < sw.lower - EPS || x > sw.upper + EPS)) out.push({ rule: 'minAllocation', key: `edge ${sw.edge}`, detail: `${x} units, allowed 0 or ${sw.lower}..${sw.upper}` });
  });
  for (const limit of rules.edgeLimits) {
    const on = limit.switches.filter((s) => here(rules.switches[s]!.block) && switchUnits(rules, flows, s) > EPS).length;
    if (on > limit.limit) out.push({ rule: limit.rule, key: limit.key, detail: `${on} pairings, at most ${limit.limit}` });
  }
  for (const limit of rules.needLimits) {
    const funded = limit.needs.filter((n) => needHere(n) && unitsOf(rules, flows, n) > EPS).length;
    if (funded > limit.limit) out.push({ rule: limit.rule, key: limit.key, detail: `${funded} funded projects, at most ${limit.limit}` });
  }
  rules.floors.forEach((floor, f) => {
    if (waived.has(f) || !floor.needs.some(needHere)) return;
    const met = floor.needs.filter((n) => isMet(rules, flows, n)).length;
    if (met < floor.floor) out.push({ rule: 'coverageFloor', key: `community ${floor.community}`, detail: `${met} needs met in full, floor ${floor.floor} (e.g. ${floor.needs.slice(0, 3).map(needId).join(', ')})` });
  });
  return out;
}
