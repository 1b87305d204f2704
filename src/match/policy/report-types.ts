/**
 * What a run with rules reports beyond the flow result: the rules on, how each coupled set was
 * solved (method, objective, bound), communities whose floor was lowered and why, conflicts
 * between rules and how to resolve them, needs a rule kept unmet, and a re-check of the answer.
 * Plain data, like the rest of MatchResult.
 */
import type { PolicyRule } from './options.js';

/** How a coupled set was solved: as a plain flow, as an exact MIP, or by the flow core with rounding. */
export type SetMethod = 'flow' | 'mip' | 'flow-core';

/** A rule instance a solution breaks, in words. */
export interface RuleViolation {
  readonly rule: string;
  readonly key: string;
  readonly detail: string;
}

/** Why one need cannot count toward its community's floor. */
export type NeedBlocker =
  | { readonly code: 'not_pooled' }
  | { readonly code: 'no_candidate' }
  | { readonly code: 'cut_by_rules'; readonly rules: readonly string[] }
  | { readonly code: 'capacity'; readonly available: number; readonly needed: number }
  | { readonly code: 'budget'; readonly district: string; readonly left: number; readonly needed: number }
  | { readonly code: 'limit'; readonly rule: string }
  | { readonly code: 'bundle'; readonly bundle: string; readonly member: string };

/** A community whose floor cannot be met in full on its own, with each of its needs' blocker. */
export interface FloorExemption {
  readonly community: string;
  readonly district: string;
  readonly floor: number;
  /** What the floor became: the number of its needs that can be met at all. */
  readonly loweredTo: number;
  readonly needs: readonly { readonly need: string; readonly blocker: NeedBlocker }[];
}

export interface SetReport {
  readonly blocks: number;
  readonly arcs: number;
  readonly method: SetMethod;
  readonly objective: number;
  readonly bound: number;
  readonly proven: boolean;
  readonly timeLimitReached: boolean;
  readonly detail: string;
}

/** A need left short because a rule said so (beside the pipeline's generic unmet reason). */
export interface RuleUnmet {
  readonly need: string;
  readonly rule: PolicyRule | 'locked';
  readonly detail: string;
}

/** A way out of a conflict, with what it costs: the value with it, against the applied one. */
export interface Relaxation {
  readonly action: string;
  /** Objective with this relaxation applied (value units); undefined when not evaluated. */
  readonly objective?: number;
  /** objective − the applied relaxation's objective (negative: value given up), and as a share of it. */
  readonly change?: number;
  readonly changeShare?: number;
  readonly applied: boolean;
}

/** A set of rule instances no assignment satisfies together, irreducible: drop any one and the rest can be met. */
export interface RuleConflict {
  readonly rules: readonly string[];
  readonly explanation: string;
  /** Ranked, cheapest first. */
  readonly relaxations: readonly Relaxation[];
}

export interface InfeasibilityReport {
  readonly conflicts: readonly RuleConflict[];
  /** How to read the relaxations' values (what they are measured on). */
  readonly note: string;
}

export interface PolicyReport {
  readonly rules: readonly PolicyRule[];
  readonly sets: readonly SetReport[];
  /** Candidate pairs a rule forbids outright, by rule. */
  readonly removedPairs: Readonly<Record<string, number>>;
  /** Communities whose coverage floor no assignment can reach on its own, and why. */
  readonly floorExemptions: readonly FloorExemption[];
  readonly unmetByRule: readonly RuleUnmet[];
  /**
   * Communities whose floor the answer does not meet although each could be met on its own: no
   * assignment found meets these floors together with the others (see `infeasibility`).
   */
  readonly floorsNotMet: readonly { readonly community: string; readonly district: string; readonly floor: number; readonly met: number }[];
  /** Rule instances the returned pairings break (empty unless a conflict was relaxed or locks win). */
  readonly violations: readonly RuleViolation[];
}
