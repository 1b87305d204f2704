/**
 * Prints a family's sizes and candidate-pair density, for tuning the generator:
 *   npx tsx test/generate/measure-density.ts city 1
 * (not a test file: vitest only runs *.test.ts).
 */
import { toCanonical } from '../../src/domain/units.js';
import { SUPPORT_FORM_IDS } from '../../src/domain/taxonomy.js';
import { countCandidatePairs, generateBatch, isFamilyId } from '../../src/generate/index.js';

const [family = 'changzhou', seedText = '1'] = process.argv.slice(2);
if (!isFamilyId(family)) throw new Error(`measure-density: unknown family ${family}`);
const started = performance.now();
const batch = generateBatch(family, Number(seedText));
const generatedMs = performance.now() - started;
const counts = countCandidatePairs(batch);
const supplyRatio = Object.fromEntries(
  SUPPORT_FORM_IDS.map((form) => {
    const demand = batch.needs.filter((n) => n.form === form && n.pooled !== false).reduce((s, n) => s + toCanonical(n.quantity, n.unit), 0);
    const supply = batch.offers.filter((o) => o.form === form).reduce((s, o) => s + toCanonical(o.capacity, o.unit), 0);
    return [form, Number((supply / demand).toFixed(3))];
  }),
);
console.log(
  JSON.stringify({
    family,
    seed: Number(seedText),
    communities: batch.communities.length,
    needs: batch.needs.length,
    microWishes: batch.needs.filter((n) => n.kind === 'micro_wish').length,
    offers: batch.offers.length,
    candidatePairs: counts,
    supplyRatio,
    generatedMs: Math.round(generatedMs),
  }),
);
