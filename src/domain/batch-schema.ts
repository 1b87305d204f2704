/**
 * The batch format: what planners submit (communities, needs, offers, earlier pairings).
 * zod schemas are the single source of truth; the TypeScript types are inferred from them.
 * Objects are strict: an unknown field is an error, not silently dropped (typos lose data).
 * Cross-record rules (duplicate ids, dangling references, unit/form agreement) live in intake.
 */
import { z } from 'zod';
import {
  CATEGORY_IDS,
  COMMUNITY_KIND_IDS,
  NEED_KIND_IDS,
  PROVIDER_KIND_IDS,
  SUPPORT_FORM_IDS,
  TRIAGE_IDS,
} from './taxonomy.js';
import { UNIT_IDS } from './units.js';

/** Limits that keep one record from swamping the service. */
export const LIMITS = {
  idLength: 64,
  nameLength: 200,
  textLength: 2000,
  listLength: 500,
  quantityMax: 1_000_000_000,
} as const;

const id = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[\p{L}\p{N}_.:\-]+$/u, 'ids are letters, digits, "_", ".", ":" or "-"');
const name = z.string().min(1).max(LIMITS.nameLength);
const count = z.number().int().min(0).max(LIMITS.quantityMax);
const isoDate = z.iso.date();

export const CategorySchema = z.enum(CATEGORY_IDS);
export const ProviderKindSchema = z.enum(PROVIDER_KIND_IDS);
export const SupportFormSchema = z.enum(SUPPORT_FORM_IDS);
export const UnitSchema = z.enum(UNIT_IDS);

export const LocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof LocationSchema>;

/** A closed date interval; `end` may not come before `start`. */
export const TimeWindowSchema = z
  .strictObject({ start: isoDate, end: isoDate })
  .refine((w) => w.end >= w.start, {
    message: 'end is before start',
    path: ['end'],
    params: { code: 'end_before_start' },
  });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const CommunitySchema = z.strictObject({
  id,
  name,
  district: name,
  street: name,
  kind: z.enum(COMMUNITY_KIND_IDS),
  location: LocationSchema,
  population: count,
  vulnerable: z
    .strictObject({ elderly: count, children: count, disabled: count })
    .default({ elderly: 0, children: 0, disabled: 0 }),
  pilot: z.boolean().default(false),
});
export type Community = z.infer<typeof CommunitySchema>;

export const NeedSchema = z.strictObject({
  id,
  community: id,
  title: name,
  description: z.string().max(LIMITS.textLength).optional(),
  category: CategorySchema,
  form: SupportFormSchema,
  /** How much is needed, a whole number in `unit`; at least 1. */
  quantity: count.min(1),
  unit: UnitSchema,
  /** A volunteer rota can be met partly; a lift for an old building needs all or nothing. */
  partial: z.boolean().default(true),
  beneficiaries: count.default(1),
  urgency: z.number().int().min(1).max(5).default(3),
  window: TimeWindowSchema.optional(),
  skills: z.array(z.string().min(1).max(LIMITS.idLength)).max(LIMITS.listLength).default([]),
  kind: z.enum(NEED_KIND_IDS).default('project'),
  triage: z.enum(TRIAGE_IDS).default('minor'),
  /** Whether the programme pools this need for matching (三事分流 decides). */
  pooled: z.boolean().default(true),
  /** Already funded by government money: programme rules may refuse a second funding. */
  governmentFunded: z.boolean().default(false),
  /**
   * Needs that share a bundle id form one project needing several forms together (20,000 yuan +
   * 40 volunteer hours + equipment): with the bundles rule on, all are met in full or none is.
   */
  bundle: id.optional(),
});
export type Need = z.infer<typeof NeedSchema>;

export const ProviderSchema = z.strictObject({
  name,
  kind: ProviderKindSchema,
});
export type Provider = z.infer<typeof ProviderSchema>;

export const OfferSchema = z.strictObject({
  id,
  provider: ProviderSchema,
  title: name.optional(),
  form: SupportFormSchema,
  /** How much the provider gives in total, a whole number in `unit`. */
  capacity: count,
  unit: UnitSchema,
  /** Categories the offer serves; at least one. */
  categories: z.array(CategorySchema).min(1).max(CATEGORY_IDS.length),
  skills: z.array(z.string().min(1).max(LIMITS.idLength)).max(LIMITS.listLength).default([]),
  /** Base location; with `radiusKm` it bounds where the offer can serve. */
  location: LocationSchema.optional(),
  radiusKm: z.number().positive().max(5000).optional(),
  /** Districts served (by name); empty means no district restriction. */
  districts: z.array(name).max(LIMITS.listLength).default([]),
  window: TimeWindowSchema.optional(),
  /** The most needs this offer will pair with. */
  maxPairings: z.number().int().min(1).max(LIMITS.quantityMax).optional(),
  /** Smallest useful allocation in `unit` (no 1-hour crumbs of a volunteer team). */
  minAllocation: count.optional(),
  preferredCommunities: z.array(id).max(LIMITS.listLength).default([]),
  excludedCommunities: z.array(id).max(LIMITS.listLength).default([]),
});
export type Offer = z.infer<typeof OfferSchema>;

/** An earlier pairing: scoring rewards continuity with it. */
export const PriorPairingSchema = z.strictObject({ need: id, offer: id });
export type PriorPairing = z.infer<typeof PriorPairingSchema>;

export const BatchSchema = z.strictObject({
  format: z.literal('jiedui-batch/v1').optional(),
  name: name.optional(),
  communities: z.array(CommunitySchema).max(1_000_000),
  needs: z.array(NeedSchema).max(10_000_000),
  offers: z.array(OfferSchema).max(10_000_000),
  previousPairings: z.array(PriorPairingSchema).max(10_000_000).default([]),
});
/** A batch as validated: defaults filled; after intake (`validateBatch`) every quantity is in its form's canonical unit. */
export type Batch = z.infer<typeof BatchSchema>;
/** What a planner writes: defaults may be left out. */
export type BatchInput = z.input<typeof BatchSchema>;
