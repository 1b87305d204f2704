/**
 * Hard rules: whether an offer may serve a need at all. Each rule is a named, pure predicate;
 * a pair is a candidate when every rule passes. The order is the order of the checks, and a
 * removed pair is counted against the first rule it fails, so the counts add up.
 */
import type { Community, Need, Offer } from '../../domain/batch-schema.js';
import { CATEGORY_IDS, type Category } from '../../domain/taxonomy.js';
import { distanceKm } from './geo.js';

/** What a rule sees of one (offer, need) pair. */
export interface PairFacts {
  readonly offer: Offer;
  readonly need: Need;
  readonly community: Community;
  /** Categories the offer serves, as a bitmask over CATEGORY_IDS. */
  readonly offerCategoryMask: number;
  /** Categories this need accepts offers of (its own and, when related fit > 0, related ones). */
  readonly acceptedCategoryMask: number;
  /** Pairs an official rejected (keys from pairKey). */
  readonly isForbidden: (need: string, offer: string) => boolean;
  /** In one-to-one mode, what one pairing of this offer can give (capacity / most pairings). */
  readonly oneToOneShare: number | undefined;
}

export type HardRule = (pair: PairFacts) => boolean;

/** The offer has something left to give. */
export const hasCapacity: HardRule = ({ offer }) => offer.capacity > 0;

/** Units never mix: an offer of funds serves only needs for funds. */
export const sameForm: HardRule = ({ offer, need }) => offer.form === need.form;

/** The offer serves the need's category, or a related one. */
export const servesCategory: HardRule = ({ offerCategoryMask, acceptedCategoryMask }) =>
  (offerCategoryMask & acceptedCategoryMask) !== 0;

/** A set of categories as a bitmask over CATEGORY_IDS (14 categories fit in a small integer). */
export function categoryMask(categories: Iterable<Category>): number {
  let mask = 0;
  for (const c of categories) mask |= 1 << CATEGORY_IDS.indexOf(c);
  return mask;
}

/** The need's community lies within the offer's radius and in its districts, where it has them. */
export const withinArea: HardRule = ({ offer, community }) => {
  if (offer.districts.length > 0 && !offer.districts.includes(community.district)) return false;
  if (offer.location && offer.radiusKm !== undefined) {
    const d = distanceKm(offer.location.lat, offer.location.lon, community.location.lat, community.location.lon);
    if (d > offer.radiusKm) return false;
  }
  return true;
};

/** Both time windows overlap (a missing window means "any time"). */
export const overlapsInTime: HardRule = ({ offer, need }) => {
  if (!offer.window || !need.window) return true;
  return offer.window.start <= need.window.end && need.window.start <= offer.window.end;
};

/** The offer has every skill or qualification the need requires. */
export const hasRequiredSkills: HardRule = ({ offer, need }) => {
  for (const skill of need.skills) if (!offer.skills.includes(skill)) return false;
  return true;
};

/** The provider has not excluded the need's community. */
export const notExcluded: HardRule = ({ offer, need }) =>
  offer.excludedCommunities.length === 0 || !offer.excludedCommunities.includes(need.community);

/** An official has not rejected this pair. */
export const notForbidden: HardRule = ({ offer, need, isForbidden }) => !isForbidden(need.id, offer.id);

/**
 * In one-to-one mode an offer's capacity is split into equal shares, one per pairing; a share must
 * cover the whole need unless the need can be met partly.
 */
export const shareFits: HardRule = ({ need, oneToOneShare }) =>
  oneToOneShare === undefined || oneToOneShare >= need.quantity || (need.partial && oneToOneShare > 0);

/** Every hard rule by name, in checking order. The names appear in results and reasons. */
export const HARD_RULES = {
  capacity: hasCapacity,
  form: sameForm,
  area: withinArea,
  category: servesCategory,
  time_window: overlapsInTime,
  skills: hasRequiredSkills,
  excluded_community: notExcluded,
  forbidden_pair: notForbidden,
  one_to_one_share: shareFits,
} as const satisfies Record<string, HardRule>;
export type HardRuleName = keyof typeof HARD_RULES;
export const HARD_RULE_NAMES = Object.keys(HARD_RULES) as HardRuleName[];
