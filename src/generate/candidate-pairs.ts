/**
 * Candidate (offer, need) pairs of a batch under the programme's hard rules, used to tune and
 * check the generator's density (how many pairs a solver will face) and to pick plausible
 * earlier pairings. A deliberately plain reading of the rules, independent of the matching
 * pipeline: same form; the need's category served by the offer or related to one it serves;
 * the need's community within the offer's radius and served districts and not excluded; and
 * optionally overlapping time windows and the need's skills all offered.
 */
import type { BatchInput } from '../domain/batch-schema.js';
import { RELATED_CATEGORIES, type Category } from '../domain/taxonomy.js';
import { distanceKm, kmPerDegLon } from './geo.js';

type NeedIn = BatchInput['needs'][number];
type OfferIn = BatchInput['offers'][number];

/** Which of the optional rules to apply. */
export interface CandidateRules {
  readonly windows: boolean;
  readonly skills: boolean;
}

/** Pair counts of a batch: under the core rules, plus windows, plus windows and skills. */
export interface CandidateCounts {
  readonly core: number;
  readonly withWindows: number;
  readonly withWindowsAndSkills: number;
}

const CELL_DEG = 0.05;

/** Categories an offer fits: those it serves and their related ones. */
export function fittingCategories(served: readonly Category[]): Set<Category> {
  const fit = new Set<Category>(served);
  for (const [a, b] of RELATED_CATEGORIES) {
    if (served.includes(a)) fit.add(b);
    if (served.includes(b)) fit.add(a);
  }
  return fit;
}

function windowsOverlap(need: NeedIn, offer: OfferIn): boolean {
  if (!need.window || !offer.window) return true;
  return need.window.start <= offer.window.end && offer.window.start <= need.window.end;
}

function skillsCovered(need: NeedIn, offer: OfferIn): boolean {
  const needed = need.skills ?? [];
  if (needed.length === 0) return true;
  const offered = new Set(offer.skills ?? []);
  return needed.every((s) => offered.has(s));
}

/**
 * Calls `visit(offerIndex, needIndex, passesWindows, passesSkills)` for every pair passing the
 * core rules, offers in order and, within an offer, needs in batch order. Needs not pooled
 * for matching are skipped.
 */
export function forEachCandidatePair(
  batch: BatchInput,
  visit: (offer: number, need: number, windowsOk: boolean, skillsOk: boolean) => void,
): void {
  const index = indexCommunities(batch);
  const formOf = batch.needs.map((n) => n.form);
  const categoryOf = batch.needs.map((n) => n.category);
  const reachable: number[] = [];
  const found: number[] = [];
  batch.offers.forEach((offer, o) => {
    const fit = fittingCategories(offer.categories);
    const districts = new Set(offer.districts ?? []);
    const excluded = new Set(offer.excludedCommunities ?? []);
    found.length = 0;
    index.reachable(offer, reachable);
    for (const c of reachable) {
      const community = batch.communities[c];
      if (!community || excluded.has(community.id)) continue;
      if (districts.size > 0 && !districts.has(community.district)) continue;
      if (offer.radiusKm !== undefined && offer.location && distanceKm(offer.location, community.location) > offer.radiusKm) continue;
      for (const n of index.needsOf[c] ?? []) {
        if (formOf[n] === offer.form && fit.has(categoryOf[n] as Category)) found.push(n);
      }
    }
    found.sort((a, b) => a - b);
    for (const n of found) {
      const need = batch.needs[n] as NeedIn;
      visit(o, n, windowsOverlap(need, offer), skillsCovered(need, offer));
    }
  });
}

/** Counts candidate pairs under the core rules and with the optional ones added. */
export function countCandidatePairs(batch: BatchInput): CandidateCounts {
  let core = 0;
  let withWindows = 0;
  let withWindowsAndSkills = 0;
  forEachCandidatePair(batch, (_o, _n, windowsOk, skillsOk) => {
    core++;
    if (windowsOk) withWindows++;
    if (windowsOk && skillsOk) withWindowsAndSkills++;
  });
  return { core, withWindows, withWindowsAndSkills };
}

interface CommunityIndex {
  readonly needsOf: number[][];
  /** Fills `out` with community positions an offer might reach (a superset; the caller checks exactly). */
  reachable(offer: OfferIn, out: number[]): void;
}

/** Grid cells are keyed by one number: lat cell × this + lon cell (cells are 0.05°, lon < 180°). */
const ROW = 10_000;

/** Pooled needs by community, and a lat/lon grid of communities for radius queries. */
function indexCommunities(batch: BatchInput): CommunityIndex {
  const position = new Map(batch.communities.map((c, i) => [c.id, i]));
  const needsOf: number[][] = batch.communities.map(() => []);
  batch.needs.forEach((need, n) => {
    const c = position.get(need.community);
    if (c !== undefined && need.pooled !== false) needsOf[c]?.push(n);
  });
  const cell = (degrees: number): number => Math.floor(degrees / CELL_DEG);
  const grid = new Map<number, number[]>();
  batch.communities.forEach((c, i) => {
    const key = cell(c.location.lat) * ROW + cell(c.location.lon);
    const list = grid.get(key) ?? [];
    list.push(i);
    grid.set(key, list);
  });
  const byDistrict = new Map<string, number[]>();
  batch.communities.forEach((c, i) => {
    const list = byDistrict.get(c.district) ?? [];
    list.push(i);
    byDistrict.set(c.district, list);
  });
  return {
    needsOf,
    reachable(offer, out) {
      out.length = 0;
      if (offer.radiusKm === undefined || !offer.location) {
        const districts = offer.districts ?? [];
        if (districts.length === 0) for (let i = 0; i < batch.communities.length; i++) out.push(i);
        for (const d of new Set(districts)) for (const c of byDistrict.get(d) ?? []) out.push(c);
        return;
      }
      const { lat, lon } = offer.location;
      const dLat = offer.radiusKm / 110.95;
      const dLon = offer.radiusKm / kmPerDegLon(Math.abs(lat) + dLat);
      for (let a = cell(lat - dLat); a <= cell(lat + dLat); a++) {
        for (let b = cell(lon - dLon); b <= cell(lon + dLon); b++) {
          for (const c of grid.get(a * ROW + b) ?? []) out.push(c);
        }
      }
    },
  };
}
