/**
 * Weight profiles: how an analyst trades the scoring features against each other.
 *
 * Value of a pairing (DESIGN.md): allocating x units of offer o to need n is worth
 *   fit(o, n) · V(n) · x / D(n)
 * where fit is a weighted mean of fit features in [0, 1] and V(n) grows with the need's urgency,
 * beneficiaries and its community's vulnerability. Meeting a need fully is worth V(n) whatever its
 * size, so a 500,000-yuan project does not drown a 200-yuan micro-wish by its unit count alone.
 */
import { z } from 'zod';

/** Features of an (offer, need) pair, each in [0, 1]; their weighted mean is the fit. */
export const FIT_FEATURES = ['category', 'skills', 'distance', 'continuity', 'preference'] as const;
export type FitFeature = (typeof FIT_FEATURES)[number];

/** Features of a need, each in [0, 1]; they raise the need's value V(n). */
export const VALUE_FEATURES = ['urgency', 'beneficiaries', 'vulnerability'] as const;
export type ValueFeature = (typeof VALUE_FEATURES)[number];

const weight = z.number().min(0).max(100);

export const WeightProfileSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Weights of the fit features; the fit is their weighted mean (weights need not sum to 1). */
  fit: z.strictObject({
    category: weight,
    skills: weight,
    distance: weight,
    continuity: weight,
    preference: weight,
  }),
  /** V(n) = base · (1 + Σ weight · feature); base is 100 for projects, `microWishBase` for wishes. */
  value: z.strictObject({
    urgency: weight,
    beneficiaries: weight,
    vulnerability: weight,
  }),
  /** Base value of a micro-wish relative to a project's 100. */
  microWishBase: z.number().min(0).max(1000),
  /** Fit of an offer to a need of a related (not the same) category. */
  relatedCategoryFit: z.number().min(0).max(1),
  /** Distance decay: the distance feature is exp(-d / distanceScaleKm). */
  distanceScaleKm: z.number().positive().max(10_000),
  /** Beneficiaries at which the beneficiaries feature reaches 1 (log scale). */
  beneficiariesScale: z.number().int().min(2).max(10_000_000),
  /**
   * Concave community utility: the first units reaching a (community, form) earn an extra
   * `spread` × the mean value per unit of that community's needs, the next tier half of it, and
   * so on for `spreadTiers` tiers. 0 turns spreading off.
   */
  spread: z.number().min(0).max(10),
  spreadTiers: z.number().int().min(0).max(8),
});
export type WeightProfile = z.infer<typeof WeightProfileSchema>;

/** The shipped default profile (also in data/weights/default.json). */
export const defaultWeightProfile: WeightProfile = {
  name: 'default',
  fit: { category: 4, skills: 2, distance: 2, continuity: 1, preference: 1 },
  value: { urgency: 1, beneficiaries: 1, vulnerability: 0.5 },
  microWishBase: 20,
  relatedCategoryFit: 0.6,
  distanceScaleKm: 15,
  beneficiariesScale: 1000,
  spread: 0.3,
  spreadTiers: 2,
};
