/**
 * Batches for the scale benchmark, written once into benchmarks/out/ (gitignored): the three
 * generator families, and province-like batches at a fraction of the province's size (the same
 * thirteen-city geography and provider mix, fewer communities, needs and offers), so the table
 * has sizes between the city and the province.
 */
import { existsSync, statSync } from 'node:fs';
import type { BatchInput } from '../../src/domain/batch-schema.js';
import { FAMILIES, GENERATOR_VERSION, generateBatch, serializeBatch, type FamilySpec } from '../../src/generate/index.js';
import { buildGeography } from '../../src/generate/geography.js';
import { generateCommunities } from '../../src/generate/communities.js';
import { generateNeeds } from '../../src/generate/needs.js';
import { draftOffers } from '../../src/generate/offers.js';
import { finishOffers } from '../../src/generate/capacity.js';
import { createRng } from '../../src/generate/prng.js';
import { writeChunks } from '../../src/cli/commands/generate.js';

/** A size of the table: a generator family, or the province scaled by `fraction`. */
export interface BatchSize {
  readonly name: string;
  readonly family: 'changzhou' | 'city' | 'province';
  readonly fraction: number;
}

export const BATCH_SIZES: readonly BatchSize[] = [
  { name: 'changzhou', family: 'changzhou', fraction: 1 },
  { name: 'city', family: 'city', fraction: 1 },
  { name: 'province/8', family: 'province', fraction: 1 / 8 },
  { name: 'province/4', family: 'province', fraction: 1 / 4 },
  { name: 'province/2', family: 'province', fraction: 1 / 2 },
  { name: 'province', family: 'province', fraction: 1 },
];

/** The province spec shrunk by `fraction` (same geography, radii and provider mix). */
function scaledSpec(fraction: number): FamilySpec {
  const p = FAMILIES.province;
  const scale = (n: number) => Math.max(1, Math.round(n * fraction));
  return { ...p, communities: scale(p.communities), pilots: scale(p.pilots), projects: scale(p.projects), microWishes: scale(p.microWishes), offers: scale(p.offers) };
}

/** As generateBatch, for a spec that is not one of the named families. */
function generateFromSpec(spec: FamilySpec, label: string, seed: number): BatchInput {
  const rng = createRng(`${GENERATOR_VERSION}|${label}|${seed}`);
  const geo = buildGeography(rng, spec);
  const communities = generateCommunities(rng, spec, geo);
  const needs = generateNeeds(rng, spec, communities);
  const offers = finishOffers(rng, draftOffers(rng, spec, geo, communities, needs), needs);
  return {
    format: 'jiedui-batch/v1',
    name: `scale benchmark ${label} seed ${seed}`,
    communities: communities.map((c) => c.record),
    needs: needs.map((n) => n.record),
    offers,
    previousPairings: [],
  };
}

/** The batch file of a size (generated on first use); returns its path and byte size. */
export function batchFile(outDir: string, size: BatchSize, seed = 1): { path: string; bytes: number } {
  const path = `${outDir}/batch-${size.name.replace('/', '-')}-s${seed}.json`;
  if (!existsSync(path)) {
    const batch = size.fraction === 1 ? generateBatch(size.family, seed) : generateFromSpec(scaledSpec(size.fraction), size.name, seed);
    writeChunks(path, serializeBatch(batch));
  }
  return { path, bytes: statSync(path).size };
}
