export { generateBatch, isFamilyId, GENERATOR_VERSION } from './generate-batch.js';
export { FAMILIES, FAMILY_IDS, type FamilyId, type FamilySpec } from './families.js';
export { serializeBatch, batchToJson } from './serialize.js';
export { countCandidatePairs, forEachCandidatePair, fittingCategories, type CandidateCounts } from './candidate-pairs.js';
export { createRng, fnv1a32, type Rng } from './prng.js';
