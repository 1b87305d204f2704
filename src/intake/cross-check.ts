/**
 * Rules that span fields or records, which the zod schema cannot see. Each rule is a small named
 * function from a (possibly salvaged) batch to issues; `crossCheckBatch` runs them all and
 * collects everything. Rules read only fields that are present (valid on their own), so a field
 * that already failed its schema never causes a second, derived complaint.
 */
import { LIMITS, type Offer } from '../domain/batch-schema.js';
import type { InputIssue } from '../domain/issues.js';
import type { SupportForm } from '../domain/taxonomy.js';
import { UNITS, UNIT_IDS, type Unit } from '../domain/units.js';
import { nearestId } from './nearest-id.js';
import type { RecordSection, SalvagedBatch } from './salvage.js';

type SectionName = keyof SalvagedBatch;

/** Every id used twice in a section, naming the first use and each repeat. */
export function duplicateIds(section: RecordSection<unknown>, name: SectionName): InputIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: InputIssue[] = [];
  section.rawIds.forEach((id, i) => {
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else {
      issues.push({
        path: [name, i, 'id'],
        code: 'duplicate_id',
        message: `duplicate id "${id}": ${name}[${i}] repeats the id of ${name}[${first}]`,
        hint: 'ids must be unique within their list',
      });
    }
  });
  return issues;
}

/**
 * Above this many candidate ids a "did you mean" costs more than it helps (each guess is an
 * edit-distance scan over all of them), so large batches get the message without a hint.
 */
const MAX_IDS_FOR_HINT = 2000;

function danglingIssue(
  path: ReadonlyArray<string | number>,
  id: string,
  target: SectionName,
  known: readonly string[],
): InputIssue {
  const nearest = known.length <= MAX_IDS_FOR_HINT ? nearestId(id, known) : undefined;
  return {
    path,
    code: 'unknown_reference',
    message: `"${id}" is not the id of any entry in ${target}`,
    ...(nearest === undefined ? {} : { hint: `did you mean "${nearest}"?` }),
  };
}

function knownIds(section: RecordSection<unknown>): { set: ReadonlySet<string>; list: string[] } {
  const list = section.rawIds.filter((id): id is string => id !== undefined);
  return { set: new Set(list), list };
}

/** need.community and offer.preferred/excludedCommunities that name no community. */
export function danglingCommunityReferences(batch: SalvagedBatch): InputIssue[] {
  if (!batch.communities.usable) return [];
  const { set, list } = knownIds(batch.communities);
  const issues: InputIssue[] = [];
  batch.needs.records.forEach((need, i) => {
    if (need.community !== undefined && !set.has(need.community)) {
      issues.push(danglingIssue(['needs', i, 'community'], need.community, 'communities', list));
    }
  });
  batch.offers.records.forEach((offer, i) => {
    for (const field of ['preferredCommunities', 'excludedCommunities'] as const) {
      (offer[field] ?? []).forEach((id, j) => {
        if (!set.has(id)) issues.push(danglingIssue(['offers', i, field, j], id, 'communities', list));
      });
    }
  });
  return issues;
}

/** previousPairings whose need or offer is not in the batch. */
export function danglingPairingReferences(batch: SalvagedBatch): InputIssue[] {
  const issues: InputIssue[] = [];
  const targets = [
    ['need', 'needs'],
    ['offer', 'offers'],
  ] as const;
  for (const [field, target] of targets) {
    if (!batch[target].usable) continue;
    const { set, list } = knownIds(batch[target]);
    batch.previousPairings.records.forEach((pairing, i) => {
      const id = pairing[field];
      if (id !== undefined && !set.has(id)) issues.push(danglingIssue(['previousPairings', i, field], id, target, list));
    });
  }
  return issues;
}

/** A community both preferred and excluded by the same offer: the provider must choose. */
export function conflictingCommunityPreferences(batch: SalvagedBatch): InputIssue[] {
  const issues: InputIssue[] = [];
  batch.offers.records.forEach((offer, i) => {
    const preferred = new Set(offer.preferredCommunities ?? []);
    (offer.excludedCommunities ?? []).forEach((id, j) => {
      if (preferred.has(id)) {
        issues.push({
          path: ['offers', i, 'excludedCommunities', j],
          code: 'conflicting_preference',
          message: `community "${id}" is both preferred and excluded`,
        });
      }
    });
  });
  return issues;
}

/** The units that measure a support form, e.g. `yuan, hundred_yuan, wan_yuan` for funds. */
export function unitsOfForm(form: SupportForm): Unit[] {
  return UNIT_IDS.filter((u) => UNITS[u].form === form);
}

function unitFormIssue(section: 'needs' | 'offers', i: number, form?: SupportForm, unit?: Unit): InputIssue[] {
  if (form === undefined || unit === undefined || UNITS[unit].form === form) return [];
  const valid = unitsOfForm(form);
  return [
    {
      path: [section, i, 'unit'],
      code: 'unit_form_mismatch',
      message: `unit "${unit}" measures ${UNITS[unit].form}, but this ${section === 'needs' ? 'need' : 'offer'} is ${form}`,
      hint: `${form} is counted in ${valid.map((u) => `${u} (${UNITS[u].label.zh})`).join(', ')}`,
    },
  ];
}

/** A unit that does not measure the record's support form (a funds need counted in hours). */
export function unitsMatchForms(batch: SalvagedBatch): InputIssue[] {
  return [
    ...batch.needs.records.flatMap((n, i) => unitFormIssue('needs', i, n.form, n.unit)),
    ...batch.offers.records.flatMap((o, i) => unitFormIssue('offers', i, o.form, o.unit)),
  ];
}

/** An offer with a service radius but no base location to measure it from. */
export function radiusNeedsLocation(batch: SalvagedBatch): InputIssue[] {
  const issues: InputIssue[] = [];
  batch.offers.records.forEach((offer, i) => {
    // Look at the raw record: an invalid location was already reported and is not "missing".
    if (offer.radiusKm !== undefined && batch.offers.raw[i]?.['location'] === undefined) {
      issues.push({
        path: ['offers', i, 'radiusKm'],
        code: 'radius_without_location',
        message: 'radiusKm is given but location is missing, so the radius has no centre',
        hint: 'add location {lat, lon} or use districts instead of a radius',
      });
    }
  });
  return issues;
}

/** A smallest useful allocation larger than the whole capacity: the offer could never be used. */
export function minAllocationWithinCapacity(batch: SalvagedBatch): InputIssue[] {
  const issues: InputIssue[] = [];
  batch.offers.records.forEach((offer, i) => {
    if (offer.minAllocation !== undefined && offer.capacity !== undefined && offer.minAllocation > offer.capacity) {
      issues.push({
        path: ['offers', i, 'minAllocation'],
        code: 'min_allocation_exceeds_capacity',
        message: `minAllocation ${offer.minAllocation} is more than capacity ${offer.capacity}`,
      });
    }
  });
  return issues;
}

/** offer.districts that match no community's district (usually a typo or a missing 区). */
export function servedDistrictsExist(batch: SalvagedBatch): InputIssue[] {
  const districts = batch.communities.records.map((c) => c.district);
  // Only sound when every community's district is known; otherwise a name may match a broken one.
  if (!batch.communities.usable || districts.some((d) => d === undefined)) return [];
  const known = [...new Set(districts as string[])];
  const set = new Set(known);
  const issues: InputIssue[] = [];
  batch.offers.records.forEach((offer, i) => {
    (offer.districts ?? []).forEach((district, j) => {
      if (set.has(district)) return;
      const nearest = nearestId(district, known);
      issues.push({
        path: ['offers', i, 'districts', j],
        code: 'unknown_district',
        message: `no community in this batch is in district "${district}"`,
        hint: nearest === undefined ? `districts in this batch: ${known.join(', ')}` : `did you mean "${nearest}"?`,
      });
    });
  });
  return issues;
}

function overflowIssue(path: ReadonlyArray<string | number>, quantity?: number, unit?: Unit): InputIssue[] {
  if (quantity === undefined || unit === undefined) return [];
  const canonical = quantity * UNITS[unit].factor;
  if (canonical <= LIMITS.quantityMax) return [];
  return [
    {
      path,
      code: 'quantity_overflow',
      message: `${quantity} ${unit} is ${canonical} in base units, more than the limit ${LIMITS.quantityMax}`,
    },
  ];
}

/** Quantities that exceed the limit once converted to base units (1e9 万元 is 1e13 yuan). */
export function quantitiesFitAfterConversion(batch: SalvagedBatch): InputIssue[] {
  const offerIssues = (o: Partial<Offer>, i: number): InputIssue[] => [
    ...overflowIssue(['offers', i, 'capacity'], o.capacity, o.unit),
    ...overflowIssue(['offers', i, 'minAllocation'], o.minAllocation, o.unit),
  ];
  return [
    ...batch.needs.records.flatMap((n, i) => overflowIssue(['needs', i, 'quantity'], n.quantity, n.unit)),
    ...batch.offers.records.flatMap(offerIssues),
  ];
}

/** Runs every cross-record rule and returns all their issues (unsorted). */
export function crossCheckBatch(batch: SalvagedBatch): InputIssue[] {
  return [
    ...duplicateIds(batch.communities, 'communities'),
    ...duplicateIds(batch.needs, 'needs'),
    ...duplicateIds(batch.offers, 'offers'),
    ...danglingCommunityReferences(batch),
    ...danglingPairingReferences(batch),
    ...conflictingCommunityPreferences(batch),
    ...unitsMatchForms(batch),
    ...radiusNeedsLocation(batch),
    ...minAllocationWithinCapacity(batch),
    ...servedDistrictsExist(batch),
    ...quantitiesFitAfterConversion(batch),
  ];
}
