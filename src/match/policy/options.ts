/**
 * Policy rules of a run: what real pairing programmes ask beyond the flow model, each on or off
 * per run, plus the solve budget of a run with rules and the price reports. Plain JSON, validated
 * by zod, so the CLI (`--rules FILE`) and the HTTP API (`options.policy`) share one schema.
 *
 * Earmarks ("an offer usable only in its own district / only for some categories") are not rules
 * here: they are the offer's `districts` and `categories`, which the candidate stage's hard rules
 * (`area`, `category`) always apply.
 */
import { z } from 'zod';
import { PROVIDER_KIND_IDS } from '../../domain/taxonomy.js';

const floorCount = z.number().int().min(0).max(1000);
const yuan = z.number().int().min(0).max(1e13);
const label = z.string().min(1).max(200);

/**
 * Every pilot community (or every community) gets at least `needsMet` needs met in full, where any
 * assignment allows it; `byDistrict` overrides the floor per district (0 switches it off there).
 */
export const CoverageFloorSchema = z.strictObject({
  needsMet: floorCount.default(1),
  communities: z.enum(['pilot', 'all']).default('pilot'),
  byDistrict: z.record(label, floorCount).default({}),
});
export type CoverageFloor = z.infer<typeof CoverageFloorSchema>;

/**
 * A programme: one pot of funds money. Its offers are named by id and/or by provider kind; an
 * offer belongs to at most one programme (pots do not overlap).
 */
export const ProgrammeBudgetSchema = z.strictObject({
  id: label,
  /** Most yuan the programme's offers give out in this run (locked pairs included). */
  max: yuan,
  offers: z.array(label).max(100_000).default([]),
  providerKinds: z.array(z.enum(PROVIDER_KIND_IDS)).default([]),
});
export type ProgrammeBudget = z.infer<typeof ProgrammeBudgetSchema>;

/** Caps on funds (yuan): per district of the receiving community, and per programme. */
export const BudgetCapsSchema = z.strictObject({
  districts: z.record(label, yuan).default({}),
  programmes: z.array(ProgrammeBudgetSchema).max(1000).default([]),
});
export type BudgetCaps = z.infer<typeof BudgetCapsSchema>;

/** At most `max` funded projects (funds needs of kind `project`) per community or per provider. */
export const OnePerOrganisationSchema = z.strictObject({
  by: z.enum(['community', 'provider']).default('community'),
  max: z.number().int().min(1).max(1000).default(1),
});
export type OnePerOrganisation = z.infer<typeof OnePerOrganisationSchema>;

export const PolicyOptionsSchema = z.strictObject({
  /** Needs with `partial: false` are met in full or not at all. */
  allOrNothing: z.boolean().default(false),
  /** No allocation below an offer's `minAllocation` (a whole small need is not a crumb). */
  minAllocation: z.boolean().default(false),
  /** In flow mode an offer pairs with at most `maxPairings` needs (one-to-one mode always does). */
  maxPairings: z.boolean().default(false),
  coverageFloor: CoverageFloorSchema.optional(),
  budgets: BudgetCapsSchema.optional(),
  /** Needs sharing a `bundle` id are all met in full or none is. */
  bundles: z.boolean().default(false),
  onePerOrganisation: OnePerOrganisationSchema.optional(),
  /** Needs with `governmentFunded: true` get no funds offers. */
  noSecondFunding: z.boolean().default(false),
  /** Wall-clock budget of the policy solve; the result says whether it was hit. */
  timeLimitSeconds: z.number().positive().max(3600).default(10),
  /** Stop improving once (bound − objective) ≤ relativeGap · |bound|; 0 asks for a proof of optimality. */
  relativeGap: z.number().min(0).max(1).default(1e-4),
  /** Blocks up to this many arcs are solved as exact MIPs (HiGHS); larger ones by the flow core. */
  exactMaxArcs: z.number().int().min(0).max(10_000_000).default(2500),
  /**
   * When rules conflict: `relax` drops the cheapest conflicting coverage floors and says so;
   * `fail` returns no pairings for the conflicting part, only the explanation.
   */
  onConflict: z.enum(['relax', 'fail']).default('relax'),
});
/** The rules and solve settings of a run, defaults filled. */
export type PolicyOptions = z.infer<typeof PolicyOptionsSchema>;
/** What a caller writes: every field may be left out. */
export type PolicyOptionsInput = z.input<typeof PolicyOptionsSchema>;

/** Reports computed on request, for flow-only and policy runs alike. */
export const PriceOptionsSchema = z.strictObject({
  /** Shadow prices of offer capacity, the bottleneck table and unmet-need sensitivity. */
  prices: z.boolean().default(false),
  /** Value given up for the coverage floor and the spreading utility (extra solves). */
  priceOfFairness: z.boolean().default(false),
});
export type PriceOptions = z.infer<typeof PriceOptionsSchema>;
export type PriceOptionsInput = z.input<typeof PriceOptionsSchema>;

/** All rules off, default budgets: the policy options of a flow-only run. */
export const defaultPolicyOptions: PolicyOptions = PolicyOptionsSchema.parse({});

/** Names of the rules, as results and conflict reports call them. */
export const POLICY_RULES = [
  'allOrNothing',
  'minAllocation',
  'maxPairings',
  'coverageFloor',
  'budgets',
  'bundles',
  'onePerOrganisation',
  'noSecondFunding',
] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

/** Whether a rule is switched on in these options. */
export function ruleOn(policy: PolicyOptions, rule: PolicyRule): boolean {
  const value = policy[rule];
  return value !== undefined && value !== false;
}

/** Whether any rule is on: only then does a run leave the pure flow path. */
export function anyRuleOn(policy: PolicyOptions | undefined): boolean {
  return policy !== undefined && POLICY_RULES.some((rule) => ruleOn(policy, rule));
}

/** Parses policy options written by a caller (defaults filled); throws zod's error on bad input. */
export function parsePolicyOptions(input: unknown): PolicyOptions {
  return PolicyOptionsSchema.parse(input ?? {});
}
