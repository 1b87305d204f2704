/**
 * `generateBatch(family, seed)`: a realistic, deterministic batch of communities, needs and
 * offers. The bytes of its JSON depend only on (family, seed, GENERATOR_VERSION).
 */
import type { BatchInput } from '../domain/batch-schema.js';
import { finishOffers } from './capacity.js';
import { generateCommunities } from './communities.js';
import { FAMILIES, FAMILY_IDS, type FamilyId } from './families.js';
import { buildGeography } from './geography.js';
import { generateNeeds } from './needs.js';
import { draftOffers } from './offers.js';
import { choosePreviousPairings } from './previous-pairings.js';
import { createRng } from './prng.js';

/** Part of the PRNG seed: bump it whenever a change alters generated output. */
export const GENERATOR_VERSION = 'jiedui-gen/1';

const FAMILY_TITLE: Readonly<Record<FamilyId, string>> = {
  changzhou: '常州市“百千万”行动试点批次',
  city: '常州市全市需求与资源批次',
  province: '江苏省需求与资源批次',
};

/** Whether `value` names a family. */
export function isFamilyId(value: string): value is FamilyId {
  return (FAMILY_IDS as readonly string[]).includes(value);
}

/**
 * Generates the batch of `family` for `seed` (a non-negative safe integer).
 *
 * @example
 * const batch = generateBatch('changzhou', 1); // 101 communities, 800 needs, 400 offers
 */
export function generateBatch(family: FamilyId, seed: number): BatchInput {
  if (!isFamilyId(family)) throw new Error(`generate: unknown family "${String(family)}"`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`generate: seed must be a non-negative integer, got ${seed}`);
  const spec = FAMILIES[family];
  const rng = createRng(`${GENERATOR_VERSION}|${family}|${seed}`);
  const geo = buildGeography(rng, spec);
  const communities = generateCommunities(rng, spec, geo);
  const needs = generateNeeds(rng, spec, communities);
  const offers = finishOffers(rng, draftOffers(rng, spec, geo, communities, needs), needs);
  const batch: BatchInput = {
    format: 'jiedui-batch/v1',
    name: `${FAMILY_TITLE[family]}（${GENERATOR_VERSION}, ${family}, seed ${seed}）`,
    communities: communities.map((c) => c.record),
    needs: needs.map((n) => n.record),
    offers,
    previousPairings: [],
  };
  batch.previousPairings = choosePreviousPairings(rng, batch, spec.previousPairings);
  return batch;
}
