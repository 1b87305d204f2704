/**
 * The rules' binary choices in rule terms, however they were made (by a MIP solver or by the flow
 * core's rounding), and how they become arc bounds.
 */
import { forceMet, forceNone, switchOff, switchOn, type Bounds } from './bounds.js';
import type { RuleModel } from './rule-model.js';

export interface Decisions {
  /** Group index → met in full (true) or given nothing (false). */
  readonly groupMet: Map<number, boolean>;
  /** Switch index → on (carries at least its smallest allocation) or off (carries nothing). */
  readonly switchOn: Map<number, boolean>;
  /** Needs that must get nothing (a funded-project limit said no). */
  readonly needNone: Set<number>;
  /** Needs that must be met in full (counted toward a floor). */
  readonly needMet: Set<number>;
}

export function emptyDecisions(): Decisions {
  return { groupMet: new Map(), switchOn: new Map(), needNone: new Set(), needMet: new Set() };
}

/** Writes decisions into bounds (in place). */
export function applyDecisions(bounds: Bounds, rules: RuleModel, d: Decisions): void {
  for (const [g, met] of d.groupMet) {
    for (const n of rules.groups[g]!.needs) {
      const t = rules.targets[n];
      if (t) (met ? forceMet : forceNone)(bounds, t);
    }
  }
  for (const [s, on] of d.switchOn) (on ? switchOn : switchOff)(bounds, rules.switches[s]!);
  for (const n of d.needNone) if (rules.targets[n]) forceNone(bounds, rules.targets[n]!);
  for (const n of d.needMet) if (rules.targets[n]) forceMet(bounds, rules.targets[n]!);
}

/** The decisions that concern needs or switches in the given blocks. */
export function decisionsIn(d: Decisions, rules: RuleModel, blocks: ReadonlySet<number>): Decisions {
  const inBlocks = (n: number) => blocks.has(rules.targets[n]?.block ?? -1);
  return {
    groupMet: new Map([...d.groupMet].filter(([g]) => rules.groups[g]!.needs.some(inBlocks))),
    switchOn: new Map([...d.switchOn].filter(([s]) => blocks.has(rules.switches[s]!.block))),
    needNone: new Set([...d.needNone].filter(inBlocks)),
    needMet: new Set([...d.needMet].filter(inBlocks)),
  };
}
