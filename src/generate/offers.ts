/**
 * Offers (资源/供给): who gives (provider kind and name), what (form, categories, skills), where
 * (base location with a radius, or a list of districts), when, and with which limits. Sizes
 * are drawn relative to each other here and scaled to the family's demand in capacity.ts.
 */
import type { BatchInput } from '../domain/batch-schema.js';
import { CATEGORIES, CATEGORY_IDS, type Category, type ProviderKind, type SupportForm } from '../domain/taxonomy.js';
import type { PlacedCommunity } from './communities.js';
import type { FamilySpec } from './families.js';
import { distanceKm, offsetKm, roundCoord, type LatLon } from './geo.js';
import type { Geography } from './geography.js';
import { CATEGORY_PROFILES } from './need-profile.js';
import type { PlacedNeed } from './needs.js';
import { PROVIDER_PROFILES } from './provider-profile.js';
import { providerName } from './provider-names.js';
import { weightedDistinct, weightedKey, type Rng } from './prng.js';
import { createWeightedSampler, type WeightedSampler } from './sampler.js';
import { offerWindow } from './windows.js';

export type OfferRecord = BatchInput['offers'][number];

/** An offer before its capacity is known: `size` is its relative share of its form's supply. */
export interface OfferDraft {
  readonly provider: { readonly name: string; readonly kind: ProviderKind };
  readonly form: SupportForm;
  readonly size: number;
  readonly body: Omit<OfferRecord, 'id' | 'provider' | 'form' | 'capacity' | 'unit' | 'minAllocation'>;
}

interface Home {
  readonly district: number;
  readonly at: LatLon;
  readonly community: PlacedCommunity | undefined;
}

const FORM_TITLE: Readonly<Record<SupportForm, string>> = {
  talent: '专业人才服务', goods: '物资捐赠', tech: '技术支持', funds: '公益资金',
};

/** 养老服务志愿服务, 儿童青少年物资捐赠, …: what the provider calls its offer. */
function offerTitle(kind: ProviderKind, form: SupportForm, category: Category): string {
  const what = form !== 'talent' ? FORM_TITLE[form] : kind === 'volunteer' ? '志愿服务' : kind === 'social_work' ? '社工服务' : FORM_TITLE[form];
  return CATEGORIES[category].zh + what;
}

/** What every offer draw looks at: the family, its places and its needs, indexed once. */
interface OfferContext {
  readonly family: FamilySpec;
  readonly geo: Geography;
  readonly communities: readonly PlacedCommunity[];
  /** Community positions by district index. */
  readonly byDistrict: ReadonlyArray<readonly number[]>;
  /** Needs counted by form and category. */
  readonly demandMix: Readonly<Record<SupportForm, readonly number[]>>;
  readonly districtSampler: WeightedSampler;
  readonly communitySampler: WeightedSampler;
}

/** Draws the family's offers (without capacities). */
export function draftOffers(
  rng: Rng,
  family: FamilySpec,
  geo: Geography,
  communities: readonly PlacedCommunity[],
  needs: readonly PlacedNeed[],
): OfferDraft[] {
  const ctx: OfferContext = {
    family,
    geo,
    communities,
    byDistrict: communitiesByDistrict(geo, communities),
    demandMix: demandByFormAndCategory(needs),
    districtSampler: createWeightedSampler(geo.districts.map((d) => d.weight)),
    communitySampler: createWeightedSampler(communities.map((c) => c.activity)),
  };
  const earlier: Array<{ provider: OfferDraft['provider']; home: Home }> = [];
  const drafts: OfferDraft[] = [];
  for (let i = 0; i < family.offers; i++) {
    const kind = weightedKey(rng, family.kindWeights);
    // Some providers give more than once (an enterprise gives funds and sends volunteers).
    const again = rng.chance(0.15) ? earlier.filter((e) => e.provider.kind === kind) : [];
    const repeat = again.length > 0 ? rng.pick(again) : undefined;
    const home = repeat?.home ?? drawHome(rng, ctx, kind);
    const provider = repeat?.provider ?? { name: newProviderName(rng, kind, geo, home), kind };
    if (!repeat) earlier.push({ provider, home });
    drafts.push(draftOffer(rng, ctx, provider, home));
  }
  return drafts;
}

function draftOffer(rng: Rng, ctx: OfferContext, provider: OfferDraft['provider'], home: Home): OfferDraft {
  const profile = PROVIDER_PROFILES[provider.kind];
  const form = weightedKey(rng, profile.forms);
  const categories = drawCategories(rng, provider.kind, ctx.demandMix[form]);
  const useDistricts = rng.chance(profile.districtShare);
  const [rLo, rHi] = profile.radiusKm;
  const radiusKm = Math.max(1, Math.round(rng.range(rLo, rHi) * ctx.family.radiusScale * 2) / 2);
  const window = rng.chance(0.35) ? offerWindow(rng) : undefined;
  const maxPairings = rng.chance(0.25) ? (profile.communityBased ? rng.int(2, 8) : rng.int(3, 20)) : undefined;
  const local = ctx.byDistrict[home.district] ?? [];
  const preferred = local.length > 0 && rng.chance(0.03) ? pickSome(rng, local, rng.int(1, 3)) : [];
  const excluded = local.length > 1 && rng.chance(0.02) ? pickSome(rng, local.filter((c) => !preferred.includes(c)), 1) : [];
  const title = rng.chance(0.7) ? offerTitle(provider.kind, form, categories[0] as Category) : undefined;
  const idOf = (c: number): string => ctx.communities[c]?.record.id ?? '';
  return {
    provider,
    form,
    size: profile.size * (0.3 + 1.7 * rng.next() * rng.next()),
    body: {
      ...(title ? { title } : {}),
      categories,
      skills: drawOfferSkills(rng, provider.kind, form, categories),
      location: { lat: roundCoord(home.at.lat), lon: roundCoord(home.at.lon) },
      ...(useDistricts ? {} : { radiusKm }),
      districts: useDistricts ? servedDistricts(rng, ctx.geo, home.district) : [],
      ...(window ? { window } : {}),
      ...(maxPairings ? { maxPairings } : {}),
      preferredCommunities: preferred.map(idOf),
      excludedCommunities: excluded.map(idOf),
    },
  };
}

/** Where the provider is based: volunteer teams in a community, others around a district centre. */
function drawHome(rng: Rng, ctx: OfferContext, kind: ProviderKind): Home {
  if (PROVIDER_PROFILES[kind].communityBased) {
    const community = ctx.communities[ctx.communitySampler.draw(rng)] as PlacedCommunity;
    return { district: community.district, at: offsetKm(community.record.location, rng.normal() * 0.5, rng.normal() * 0.5), community };
  }
  const district = ctx.districtSampler.draw(rng);
  const site = ctx.geo.districts[district];
  if (!site) throw new Error('generate/offers: district index out of range');
  const local = ctx.byDistrict[district] ?? [];
  const community = local.length > 0 ? ctx.communities[rng.pick(local)] : undefined;
  const spread = site.spreadKm * 0.7;
  return { district, at: offsetKm(site, rng.normal() * spread, rng.normal() * spread), community };
}

function newProviderName(rng: Rng, kind: ProviderKind, geo: Geography, home: Home): string {
  const district = geo.districts[home.district];
  const community = home.community?.record.name ?? district?.name ?? '';
  return providerName(rng, kind, district?.city ?? '', district?.name ?? '', community);
}

/** 1–4 categories, weighted by how many needs of the offer's form each has and the kind's leanings. */
function drawCategories(rng: Rng, kind: ProviderKind, needsOfForm: readonly number[]): Category[] {
  const profile = PROVIDER_PROFILES[kind];
  const weights = CATEGORY_IDS.map((c, i) => (1 + (needsOfForm[i] ?? 0)) * (profile.leans[c] ?? 1));
  const count = rng.int(profile.categories[0], profile.categories[1]);
  return weightedDistinct(rng, weights, count)
    .sort((a, b) => a - b)
    .map((i) => CATEGORY_IDS[i] as Category);
}

/** Talent and tech offers name the skills their people have; social workers always say so. */
function drawOfferSkills(rng: Rng, kind: ProviderKind, form: SupportForm, categories: readonly Category[]): string[] {
  if (form !== 'talent' && form !== 'tech') return [];
  const skills = new Set<string>();
  if (kind === 'social_work') skills.add('social_worker');
  if (form === 'tech') skills.add('it_support');
  for (const category of categories) {
    const vocabulary = CATEGORY_PROFILES[category].skills;
    const count = rng.int(0, vocabulary.length);
    for (let k = 0; k < count; k++) skills.add(rng.pick(vocabulary));
  }
  return [...skills].sort();
}

/** The home district, and with some chance its nearest neighbour in the same city. */
function servedDistricts(rng: Rng, geo: Geography, home: number): string[] {
  const site = geo.districts[home];
  if (!site) return [];
  let nearest: { name: string; km: number } | undefined;
  for (const other of geo.districts) {
    if (other === site || other.city !== site.city) continue;
    const km = distanceKm(site, other);
    if (!nearest || km < nearest.km) nearest = { name: other.name, km };
  }
  return nearest && rng.chance(0.4) ? [site.name, nearest.name] : [site.name];
}

/** Needs counted by form and category: where supply of a form is worth offering. */
function demandByFormAndCategory(needs: readonly PlacedNeed[]): Record<SupportForm, number[]> {
  const zero = (): number[] => CATEGORY_IDS.map(() => 0);
  const mix: Record<SupportForm, number[]> = { talent: zero(), goods: zero(), tech: zero(), funds: zero() };
  const index = new Map(CATEGORY_IDS.map((c, i) => [c, i]));
  for (const { record } of needs) {
    const row = mix[record.form];
    const i = index.get(record.category) ?? 0;
    row[i] = (row[i] ?? 0) + 1;
  }
  return mix;
}

function communitiesByDistrict(geo: Geography, communities: readonly PlacedCommunity[]): number[][] {
  const lists: number[][] = geo.districts.map(() => []);
  communities.forEach((c, i) => lists[c.district]?.push(i));
  return lists;
}

function pickSome(rng: Rng, from: readonly number[], count: number): number[] {
  const chosen: number[] = [];
  for (let k = 0; k < count && chosen.length < from.length; k++) {
    const c = rng.pick(from);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen.sort((a, b) => a - b);
}
