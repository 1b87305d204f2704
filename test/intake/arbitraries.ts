/**
 * fast-check generators: valid batches built by construction (unique ids, references that
 * resolve, units of the right form, quantities within limits after conversion), and mutations of
 * a valid batch that put arbitrary values at arbitrary places.
 */
import fc from 'fast-check';
import { LIMITS, type BatchInput } from '../../src/domain/batch-schema.js';
import { CATEGORY_IDS, COMMUNITY_KIND_IDS, PROVIDER_KIND_IDS, SUPPORT_FORM_IDS, type SupportForm } from '../../src/domain/taxonomy.js';
import { UNITS, UNIT_IDS, type Unit } from '../../src/domain/units.js';

const DISTRICTS = ['天宁区', '钟楼区', '新北区', '武进区'] as const;

/** A form with one of its units and the largest whole quantity that stays within limits. */
const formAndUnit = fc.constantFrom(...SUPPORT_FORM_IDS).chain((form: SupportForm) =>
  fc.constantFrom(...UNIT_IDS.filter((u) => UNITS[u].form === form)).map((unit: Unit) => ({
    form,
    unit,
    max: Math.floor(LIMITS.quantityMax / UNITS[unit].factor),
  })),
);

const location = fc.record({ lat: fc.double({ min: 31.7, max: 31.9, noNaN: true }), lon: fc.double({ min: 119.9, max: 120.1, noNaN: true }) });

const community = (i: number) =>
  fc.record({
    id: fc.constant(`c${i}`),
    name: fc.constant(`社区${i}`),
    district: fc.constantFrom(...DISTRICTS),
    street: fc.constant('街道'),
    kind: fc.constantFrom(...COMMUNITY_KIND_IDS),
    location,
    population: fc.nat({ max: 50_000 }),
  });

const need = (i: number, communityCount: number) =>
  formAndUnit.chain(({ form, unit, max }) =>
    fc.record({
      id: fc.constant(`n${i}`),
      community: fc.nat({ max: communityCount - 1 }).map((c) => `c${c}`),
      title: fc.constant(`需求${i}`),
      category: fc.constantFrom(...CATEGORY_IDS),
      form: fc.constant(form),
      unit: fc.constant(unit),
      quantity: fc.integer({ min: 1, max }),
      partial: fc.boolean(),
    }),
  );

const offer = (i: number, communityCount: number, districts: readonly string[]) =>
  formAndUnit.chain(({ form, unit, max }) =>
    fc.integer({ min: 0, max }).chain((capacity) =>
      fc.record(
        {
          id: fc.constant(`o${i}`),
          provider: fc.record({ name: fc.constant(`提供方${i}`), kind: fc.constantFrom(...PROVIDER_KIND_IDS) }),
          form: fc.constant(form),
          unit: fc.constant(unit),
          capacity: fc.constant(capacity),
          categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS), { minLength: 1, maxLength: 3 }),
          minAllocation: fc.integer({ min: 0, max: capacity }),
          districts: fc.subarray([...districts]),
          preferredCommunities: fc.subarray(Array.from({ length: communityCount }, (_, c) => `c${c}`)),
        },
        { requiredKeys: ['id', 'provider', 'form', 'unit', 'capacity', 'categories'] },
      ),
    ),
  );

/** A valid batch of 1–4 communities, 0–8 needs and 0–6 offers. */
export const validBatchArbitrary: fc.Arbitrary<BatchInput> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.nat({ max: 8 }), fc.nat({ max: 6 }))
  .chain(([cs, ns, os]) =>
    fc.tuple(...Array.from({ length: cs }, (_, i) => community(i))).chain((communities) => {
      const districts = [...new Set(communities.map((c) => c.district))];
      return fc.record({
        communities: fc.constant(communities),
        needs: fc.tuple(...Array.from({ length: ns }, (_, i) => need(i, cs))),
        offers: fc.tuple(...Array.from({ length: os }, (_, i) => offer(i, cs, districts))),
      });
    }),
  );

/** Every path (to objects, arrays and leaves) inside a JSON-like value. */
export function allPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  }
  return out;
}

/** `base` (deep-copied) with the value at `path` replaced; the root path replaces everything. */
export function replaceAt(base: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
