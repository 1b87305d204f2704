/**
 * The pipeline's public data: what a run takes (options) and what it gives back (MatchResult).
 * Everything here is plain data, so a result can be stored, sent over HTTP and compared.
 * All quantities are in the form's canonical unit (see domain/units.ts).
 */
import type { Category, ProviderKind, SupportForm } from '../domain/taxonomy.js';
import type { FitFeature, ValueFeature } from '../domain/weights.js';
import type { PolicyOptionsInput, PriceOptionsInput } from './policy/options.js';
import type { InfeasibilityReport, PolicyReport } from './policy/report-types.js';
import type { PriceOfFairness, PriceReport } from './prices/price-types.js';

/** `flow`: partial allocations; `one-to-one`: each need takes at most one offer (结对). */
export type MatchMode = 'flow' | 'one-to-one';

/** A pair fixed by an official: kept with its amount in every re-solve. */
export interface LockedPair {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
}

/** A pair never to be proposed (an official rejected it). */
export interface PairRef {
  readonly need: string;
  readonly offer: string;
}

/** A pairing of an earlier run with the amount it had: the stability term keeps it where it can. */
export interface PreviousAllocation {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
}

export interface MatchOptions {
  readonly mode: MatchMode;
  /** Solve each component again with javascript-lp-solver and compare objectives. */
  readonly verify: boolean;
  /** Components larger than this (arcs) are not given to the dense LP oracle under `verify`. */
  readonly verifyMaxArcs: number;
  readonly locked: readonly LockedPair[];
  readonly forbidden: readonly PairRef[];
  /** Pairings of the run being re-solved; moving one costs `stabilityWeight` × its value per unit. */
  readonly previous: readonly PreviousAllocation[];
  readonly stabilityWeight: number;
  /** How many ranked alternates each pairing carries. */
  readonly alternates: number;
  /** Policy rules (match/policy/options.ts); any rule on leaves the pure flow path. */
  readonly policy?: PolicyOptionsInput;
  /** Shadow prices, bottlenecks, unmet-need sensitivity, price of fairness (match/prices). */
  readonly reports?: PriceOptionsInput;
}

export const defaultMatchOptions: MatchOptions = {
  mode: 'flow',
  verify: false,
  verifyMaxArcs: 30_000,
  locked: [],
  forbidden: [],
  previous: [],
  stabilityWeight: 0.05,
  alternates: 3,
};

/** One feature's part in a score: its value in [0, 1], its weight, and what it contributed. */
export interface FeatureTerm {
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
}

/** Why a pair scores what it scores. */
export interface ScoreBreakdown {
  /** Fit features of the (offer, need) pair; `fit` is their weighted mean in [0, 1]. */
  readonly fitTerms: Readonly<Record<FitFeature, FeatureTerm>>;
  readonly fit: number;
  /** Value features of the need; `needValue` = base · (1 + Σ contributions). */
  readonly valueTerms: Readonly<Record<ValueFeature, FeatureTerm>>;
  readonly needValue: number;
  /** fit · needValue / demand: what one unit along this pair is worth. */
  readonly valuePerUnit: number;
}

/** A next-best offer for a paired need, and how far it falls short (its reduced cost). */
export interface Alternate {
  readonly offer: string;
  readonly valuePerUnit: number;
  /** Value per unit this alternative would lose against the optimum if one unit were moved to it. */
  readonly shortfallPerUnit: number;
}

export interface Pairing {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
  readonly unit: string;
  /** Objective contribution: valuePerUnit × amount. */
  readonly value: number;
  readonly score: ScoreBreakdown;
  readonly community: string;
  readonly district: string;
  readonly street: string;
  readonly category: Category;
  readonly form: SupportForm;
  readonly providerKind: ProviderKind;
  readonly locked: boolean;
  readonly alternates: readonly Alternate[];
}

/** Why a need got less than it asked for. */
export type UnmetReason =
  | { readonly code: 'not_pooled' }
  | {
      readonly code: 'no_candidate';
      /** How many offers each hard rule excluded for this need. */
      readonly excludedBy: Readonly<Record<string, number>>;
    }
  | {
      readonly code: 'outcompeted';
      /** Needs that took the capacity of this need's candidate offers, most valuable first. */
      readonly by: readonly string[];
      /** Offers that could have served it and are used up. */
      readonly offers: readonly string[];
    }
  /** Its candidate offers had capacity left, but serving it was worth nothing under the weights. */
  | { readonly code: 'no_value'; readonly offers: readonly string[] }
  | { readonly code: 'all_or_nothing'; readonly detail: string };

export interface UnmetNeed {
  readonly need: string;
  readonly community: string;
  readonly district: string;
  readonly category: Category;
  readonly form: SupportForm;
  readonly demand: number;
  readonly met: number;
  readonly reason: UnmetReason;
}

export interface OfferUsage {
  readonly offer: string;
  readonly providerKind: ProviderKind;
  readonly form: SupportForm;
  readonly capacity: number;
  readonly used: number;
  readonly pairings: number;
}

/**
 * Coverage counts for one group (a district, a category, a provider kind, a form, or all).
 * `demand` and `demandMet` add canonical units and so compare only within one form; across forms
 * read `demandMetShare`, the mean share of each need's demand that was met.
 */
export interface CoverageRow {
  readonly key: string;
  readonly needs: number;
  readonly needsMet: number;
  readonly needsPartlyMet: number;
  readonly demand: number;
  readonly demandMet: number;
  readonly demandMetShare: number;
  readonly communities: number;
  readonly communitiesReached: number;
  readonly beneficiaries: number;
  readonly beneficiariesReached: number;
}

export interface Coverage {
  readonly total: CoverageRow;
  readonly byDistrict: readonly CoverageRow[];
  readonly byCategory: readonly CoverageRow[];
  readonly byProviderKind: readonly CoverageRow[];
  readonly byForm: readonly CoverageRow[];
}

export interface CandidateSummary {
  readonly pairsConsidered: number;
  readonly candidates: number;
  /** How many (offer, need) pairs each hard rule removed (first failing rule counts). */
  readonly removedBy: Readonly<Record<string, number>>;
}

export interface SolveSummary {
  /** `optimal` only with a certificate whose gap is 0. */
  readonly status: 'optimal' | 'feasible' | 'infeasible';
  /** Total value of the pairings (the objective, spread bonus included). */
  readonly objective: number;
  /** Upper bound proven by the dual certificate. */
  readonly bound: number;
  readonly gap: number;
  readonly components: number;
  readonly largestComponentArcs: number;
  readonly certificate: { readonly checkedArcs: number; readonly maxViolation: number; readonly ok: boolean };
  readonly verification?: {
    readonly oracle: 'javascript-lp-solver';
    readonly objective: number;
    readonly agrees: boolean;
    readonly componentsChecked: number;
    readonly componentsSkipped: number;
  };
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
  /** `policy` when rules were on (the bound then comes from MIPs or the flow core's relaxations). */
  readonly method?: 'flow' | 'policy';
  /** Whether the run stopped at its time limit (policy runs). */
  readonly timeLimitReached?: boolean;
}

export interface MatchResult {
  readonly mode: MatchMode;
  readonly weightProfile: string;
  readonly pairings: readonly Pairing[];
  readonly unmet: readonly UnmetNeed[];
  readonly offers: readonly OfferUsage[];
  readonly coverage: Coverage;
  readonly candidates: CandidateSummary;
  readonly solve: SolveSummary;
  /** Runs with rules: how each part was solved, lowered floors, needs a rule kept unmet. */
  readonly policy?: PolicyReport;
  /** Rules that conflict, and the relaxations that would resolve each, cheapest first. */
  readonly infeasibility?: InfeasibilityReport;
  readonly prices?: PriceReport;
  readonly priceOfFairness?: PriceOfFairness;
}
