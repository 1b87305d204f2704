/**
 * The hard rules after `category` (time window, skills, excluded community, forbidden pair,
 * one-to-one share) on the batch's columns, for the candidate scan's inner loop: each one says
 * what its named predicate in rules.ts says (the all-pairs property tests hold them to it), on
 * numbers instead of the records' strings and lists. Only skills still calls its predicate: few
 * needs require skills, and the lists are short.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { BatchColumns } from '../model/batch-columns.js';
import { HARD_RULES, HARD_RULE_NAMES, type HardRuleName, type PairFacts } from './rules.js';

const rule = (name: HardRuleName) => HARD_RULE_NAMES.indexOf(name);
const TIME = rule('time_window');
const SKILLS = rule('skills');
const EXCLUDED = rule('excluded_community');
const FORBIDDEN = rule('forbidden_pair');
const SHARE = rule('one_to_one_share');

export interface RareRuleInput {
  /** Forbidden pairs as need * offers + offer. */
  readonly forbidden: ReadonlySet<number>;
  /** Per offer in one-to-one mode, what one pairing can give; null in flow mode. */
  readonly share: Float64Array | null;
}

export class RareRules {
  private readonly facts: { -readonly [K in keyof PairFacts]: PairFacts[K] };
  private readonly offerCount: number;

  constructor(
    private readonly index: BatchIndex,
    private readonly col: BatchColumns,
    private readonly input: RareRuleInput,
  ) {
    this.offerCount = index.offers.length;
    // The skills predicate reads only the offer and the need; one facts object, one shape.
    this.facts = {
      offer: index.offers[0]!,
      need: index.needs[0]!,
      community: index.communities[0]!,
      offerCategoryMask: 0,
      acceptedCategoryMask: 0,
      isForbidden: () => false,
      oneToOneShare: undefined,
    };
  }

  /** Whether any pair of offer `o` can fail a rule here whatever the need (so every pair must be checked). */
  offerMayFail(o: number): boolean {
    return this.input.forbidden.size > 0 || this.input.share !== null || this.col.offerHasExclusions[o] === 1;
  }

  /** Whether a pair of offer `o` and need `n` needs checking at all (else it passes every rule here). */
  mayFail(o: number, n: number, offerMayFail: boolean): boolean {
    return offerMayFail || this.col.needHasSkills[n] === 1 || (this.col.offerHasWindow[o]! & this.col.needHasWindow[n]!) === 1;
  }

  /** The first rule (index in HARD_RULE_NAMES) the pair fails, or -1. `c` is the need's community. */
  firstFailing(o: number, n: number, c: number): number {
    const col = this.col;
    if (col.offerHasWindow[o] === 1 && col.needHasWindow[n] === 1) {
      if (!(col.offerWindowStart[o]! <= col.needWindowEnd[n]! && col.needWindowStart[n]! <= col.offerWindowEnd[o]!)) return TIME;
    }
    if (col.needHasSkills[n] === 1) {
      this.facts.offer = this.index.offers[o]!;
      this.facts.need = this.index.needs[n]!;
      if (!HARD_RULES.skills(this.facts)) return SKILLS;
    }
    if (col.offerHasExclusions[o] === 1 && col.offerExcluded[o]!.has(c)) return EXCLUDED;
    if (this.input.forbidden.size > 0 && this.input.forbidden.has(n * this.offerCount + o)) return FORBIDDEN;
    const share = this.input.share;
    if (share !== null && !(share[o]! >= col.needQuantity[n]! || (col.needPartial[n] === 1 && share[o]! > 0))) return SHARE;
    return -1;
  }
}
