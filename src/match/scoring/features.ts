/**
 * Scoring features, each in [0, 1]. Fit features describe an (offer, need) pair; value features
 * describe a need. Their weighted combination is in score-candidates.ts.
 */
import type { Community, Need, Offer } from '../../domain/batch-schema.js';
import type { ValueFeature, WeightProfile } from '../../domain/weights.js';
import { distanceKm } from '../candidates/geo.js';

/** What fit features need to know beyond the pair itself. */
export interface FitContext {
  readonly weights: WeightProfile;
  /** (need, offer) pairs of earlier rounds, and (community, offer) pairs derived from them. */
  readonly previousPairs: ReadonlySet<string>;
  readonly previousCommunityOffers: ReadonlySet<string>;
}

/** 1 for the need's own category, the related-category fit otherwise. */
export function categoryFit(offer: Offer, need: Need, weights: WeightProfile): number {
  return offer.categories.includes(need.category) ? 1 : weights.relatedCategoryFit;
}

/**
 * Resources used where they fit: a need's required skills are met (hard rule) → 1; a generalist
 * on a job that needs no skills → 1; a specialist (an offer with skills) spent on a job that needs
 * none → 0.5, so a lawyer goes to legal aid before moving chairs.
 */
export function skillsFit(offer: Offer, need: Need): number {
  if (need.skills.length > 0) return 1;
  return offer.skills.length > 0 ? 0.5 : 1;
}

/** exp(-d / scale) from the offer's base; 1 when the offer has no location (served by district). */
export function distanceFit(offer: Offer, community: Community, weights: WeightProfile): number {
  if (!offer.location) return 1;
  const d = distanceKm(offer.location.lat, offer.location.lon, community.location.lat, community.location.lon);
  return Math.exp(-d / weights.distanceScaleKm);
}

/** 1 for a pair that worked together before, 0.5 for an offer that served the community before. */
export function continuityFit(offer: Offer, need: Need, ctx: FitContext): number {
  if (ctx.previousPairs.size === 0) return 0;
  if (ctx.previousPairs.has(`${need.id}\u0000${offer.id}`)) return 1;
  if (ctx.previousCommunityOffers.has(`${need.community}\u0000${offer.id}`)) return 0.5;
  return 0;
}

/** 1 when the provider named the need's community among those it prefers. */
export function preferenceFit(offer: Offer, need: Need): number {
  return offer.preferredCommunities.includes(need.community) ? 1 : 0;
}

/** Urgency 1..5 → 0..1. */
export function urgencyValue(need: Need): number {
  return (need.urgency - 1) / 4;
}

/** log(1 + b) / log(1 + scale), capped at 1: the hundredth beneficiary adds less than the first. */
export function beneficiariesValue(need: Need, weights: WeightProfile): number {
  return Math.min(1, Math.log1p(need.beneficiaries) / Math.log1p(weights.beneficiariesScale));
}

/** Share of vulnerable residents (elderly, children, disabled), doubled and capped at 1. */
export function vulnerabilityValue(community: Community): number {
  if (community.population <= 0) return 0;
  const v = community.vulnerable;
  return Math.min(1, (2 * (v.elderly + v.children + v.disabled)) / community.population);
}

/** All value features of a need, in VALUE_FEATURES order. */
export function valueFeatures(need: Need, community: Community, weights: WeightProfile): Record<ValueFeature, number> {
  return {
    urgency: urgencyValue(need),
    beneficiaries: beneficiariesValue(need, weights),
    vulnerability: vulnerabilityValue(community),
  };
}
