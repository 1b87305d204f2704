/**
 * The bottleneck table: offer prices summed by form, category, district and provider kind, and by
 * form · category · district ("hotspots": legal-aid talent in one district). An offer's capacity
 * and price are shared among the categories and districts of the needs it serves, in proportion
 * to the units it gives them; an offer that gives nothing is shared evenly among its categories,
 * district "—". Rows are ranked by the value ten per cent more capacity would add at these
 * prices, which is comparable across forms (hours and yuan are not).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { Allocation } from '../pairings/decode.js';
import type { Category, SupportForm } from '../../domain/taxonomy.js';
import type { BottleneckDimension, BottleneckRow, Bottlenecks } from './price-types.js';

/** One offer's share of one (category, district). */
interface Share {
  readonly offer: number;
  readonly category: Category;
  readonly district: string;
  readonly weight: number;
}

const UNASSIGNED = '—';

/** How each offer splits over the categories and districts it serves. */
function offerShares(index: BatchIndex, candidates: CandidateSet, allocation: Allocation): Share[] {
  const given = new Map<string, number>();
  const total = new Float64Array(index.offers.length);
  for (let e = 0; e < candidates.count; e++) {
    const a = allocation.amount[e]!;
    if (a <= 0) continue;
    const o = candidates.offer[e]!;
    const n = candidates.need[e]!;
    const key = `${o}\u0000${index.needs[n]!.category}\u0000${index.communities[index.needCommunity[n]!]!.district}`;
    given.set(key, (given.get(key) ?? 0) + a);
    total[o] = total[o]! + a;
  }
  const shares: Share[] = [];
  for (const [key, a] of given) {
    const [o, category, district] = key.split('\u0000') as [string, Category, string];
    shares.push({ offer: Number(o), category, district, weight: a / total[Number(o)]! });
  }
  index.offers.forEach((offer, o) => {
    if (total[o]! > 0) return;
    for (const category of offer.categories) shares.push({ offer: o, category, district: UNASSIGNED, weight: 1 / offer.categories.length });
  });
  return shares;
}

class RowBuilder {
  private readonly offers = new Set<number>();
  private readonly scarce = new Set<number>();
  capacity = 0;
  used = 0;
  private priced = 0;
  maxPrice = 0;
  valueOfTenPercent = 0;

  add(o: number, weight: number, capacity: number, used: number, price: number): void {
    this.offers.add(o);
    if (price > 0) this.scarce.add(o);
    this.capacity += weight * capacity;
    this.used += weight * used;
    this.priced += weight * capacity * price;
    this.maxPrice = Math.max(this.maxPrice, price);
    this.valueOfTenPercent += weight * 0.1 * capacity * price;
  }

  row(dimension: BottleneckDimension, key: string, extra: Partial<BottleneckRow>): BottleneckRow {
    return {
      dimension,
      key,
      ...extra,
      offers: this.offers.size,
      capacity: this.capacity,
      used: this.used,
      scarceOffers: this.scarce.size,
      meanPrice: this.capacity > 0 ? this.priced / this.capacity : 0,
      maxPrice: this.maxPrice,
      valueOfTenPercent: this.valueOfTenPercent,
    };
  }
}

export function bottlenecks(
  index: BatchIndex,
  candidates: CandidateSet,
  allocation: Allocation,
  price: Float64Array,
  used: Float64Array,
  capacity: Float64Array,
  hotspots = 20,
): Bottlenecks {
  const shares = offerShares(index, candidates, allocation);
  const group = (dimension: BottleneckDimension, keyOf: (s: Share) => string, extraOf: (s: Share) => Partial<BottleneckRow>) => {
    const rows = new Map<string, { builder: RowBuilder; extra: Partial<BottleneckRow> }>();
    for (const s of shares) {
      const key = keyOf(s);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { builder: new RowBuilder(), extra: extraOf(s) }));
      row.builder.add(s.offer, s.weight, capacity[s.offer]!, used[s.offer]!, price[s.offer]!);
    }
    return [...rows.entries()]
      .map(([key, r]) => r.builder.row(dimension, key, r.extra))
      .sort((a, b) => b.valueOfTenPercent - a.valueOfTenPercent || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const form = (s: Share): SupportForm => index.offers[s.offer]!.form;
  return {
    byForm: group('form', form, (s) => ({ form: form(s) })),
    byCategory: group('category', (s) => s.category, (s) => ({ category: s.category })),
    byDistrict: group('district', (s) => s.district, (s) => ({ district: s.district })),
    byProviderKind: group('providerKind', (s) => index.offers[s.offer]!.provider.kind, () => ({})),
    hotspots: group('hotspot', (s) => `${form(s)} · ${s.category} · ${s.district}`, (s) => ({ form: form(s), category: s.category, district: s.district }))
      .filter((r) => r.valueOfTenPercent > 0)
      .slice(0, hotspots),
  };
}
