/**
 * Prices and bottlenecks: what one more unit of each offer would be worth, where the scarce
 * resources are, what it would take to meet each unmet need, and what fairness costs. Plain data.
 * Values are in objective units (the run's value scale); per-unit figures are per canonical unit
 * of the offer's form (hour, item, service, yuan), or per pairing in one-to-one mode.
 */
import type { Category, ProviderKind, SupportForm } from '../../domain/taxonomy.js';

/** One offer's shadow price: the value of one more unit of its capacity (flow units: canonical units, pairings in one-to-one mode). */
export interface OfferPrice {
  readonly offer: string;
  readonly form: SupportForm;
  readonly providerKind: ProviderKind;
  readonly capacity: number;
  readonly used: number;
  /** Value one more unit would add (0 when the offer has room left). */
  readonly price: number;
}

export type BottleneckDimension = 'form' | 'category' | 'district' | 'providerKind' | 'hotspot';

/**
 * A group of offers' scarcity. An offer's capacity and price are shared among the groups of the
 * needs it serves, in proportion to the units it gives them (category and district are the
 * need's; form and provider kind the offer's).
 */
export interface BottleneckRow {
  readonly dimension: BottleneckDimension;
  /** The group: a form, a category, a district, a provider kind, or "form · category · district". */
  readonly key: string;
  readonly form?: SupportForm;
  readonly category?: Category;
  readonly district?: string;
  readonly offers: number;
  readonly capacity: number;
  readonly used: number;
  /** Offers (shares) with a positive price: used up and wanted for more. */
  readonly scarceOffers: number;
  /** Capacity-weighted mean and largest price per unit. */
  readonly meanPrice: number;
  readonly maxPrice: number;
  /** Value ten per cent more capacity would add at these prices (comparable across forms). */
  readonly valueOfTenPercent: number;
}

export interface Bottlenecks {
  readonly byForm: readonly BottleneckRow[];
  readonly byCategory: readonly BottleneckRow[];
  readonly byDistrict: readonly BottleneckRow[];
  readonly byProviderKind: readonly BottleneckRow[];
  /** form · category · district groups, scarcest first: where exactly the shortage is. */
  readonly hotspots: readonly BottleneckRow[];
}

/** The smallest change that would make an unmet need worth serving (first-order, from reduced costs). */
export interface UnmetSensitivity {
  readonly need: string;
  /** Value per unit its best candidate pair falls short by: its value would have to rise by more than this. */
  readonly valueRisePerUnit?: number;
  /** The same in terms of the need's value V (value of meeting it in full). */
  readonly needValueRise?: number;
  /** The candidate offer held back only by its capacity, and the units it would need to meet the need. */
  readonly offer?: { readonly offer: string; readonly extraUnits: number; readonly margin: number };
  /** When no change on its own pairs would help (no candidates, or a rule). */
  readonly note?: string;
}

export interface PriceReport {
  readonly offers: readonly OfferPrice[];
  readonly bottlenecks: Bottlenecks;
  readonly unmet: readonly UnmetSensitivity[];
  /** How prices are to be read (degenerate optima, policy runs). */
  readonly note: string;
}

/** Total pairing value (without the spreading bonus) with and without the fairness terms. */
export interface PriceOfFairness {
  /** Pairing value of the run as asked. */
  readonly asRun: number;
  readonly withoutCoverageFloor: number;
  readonly withoutSpread: number;
  readonly withoutEither: number;
  /** withoutEither − asRun, and as a share of withoutEither. */
  readonly cost: number;
  readonly costShare: number;
  readonly coverageFloorCost: number;
  readonly spreadCost: number;
  /** Pilot communities with a need met in full, as run and without either term. */
  readonly communitiesCoveredAsRun: number;
  readonly communitiesCoveredWithoutEither: number;
  /** Whether every value compared is proven optimal for its own problem (else bounds apply). */
  readonly allProven: boolean;
}
