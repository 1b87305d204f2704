/** The generator's contract: same (family, seed) → same bytes; the committed sample is that output. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchToJson, generateBatch, serializeBatch } from '../../src/generate/index.js';

const SAMPLE = new URL('../../data/sample-changzhou.json', import.meta.url);

describe('generate: determinism', () => {
  it('data/sample-changzhou.json is exactly generateBatch("changzhou", 1) (regenerate with `jiedui generate --family changzhou --seed 1 --out data/sample-changzhou.json`)', () => {
    expect(readFileSync(SAMPLE, 'utf8') === batchToJson(generateBatch('changzhou', 1))).toBe(true);
  });

  it('gives identical bytes for the same seed and different batches for different seeds', () => {
    const first = batchToJson(generateBatch('changzhou', 7));
    expect(batchToJson(generateBatch('changzhou', 7))).toBe(first);
    const other = generateBatch('changzhou', 8);
    expect(batchToJson(other)).not.toBe(first);
    // Not just a renamed header: the records themselves differ.
    expect(JSON.stringify(other.needs)).not.toBe(JSON.stringify(generateBatch('changzhou', 7).needs));
    expect(batchToJson(generateBatch('city', 2))).toBe(batchToJson(generateBatch('city', 2)));
  });

  it('rejects an unknown family and a bad seed with a module-prefixed error', () => {
    expect(() => generateBatch('town' as 'city', 1)).toThrow(/^generate: unknown family/);
    expect(() => generateBatch('changzhou', -1)).toThrow(/^generate: seed/);
    expect(() => generateBatch('changzhou', 1.5)).toThrow(/^generate: seed/);
  });
});

describe('generate: serialisation', () => {
  const batch = generateBatch('changzhou', 3);
  const text = batchToJson(batch);

  it('round-trips through JSON.parse to the generated object', () => {
    expect(JSON.parse(text)).toEqual(batch);
  });

  it('writes one record per line and concatenates its chunks to the same text', () => {
    expect([...serializeBatch(batch)].join('')).toBe(text);
    const lines = text.split('\n');
    const recordLines = lines.filter((l) => l.startsWith('{"'));
    expect(recordLines).toHaveLength(
      batch.communities.length + batch.needs.length + batch.offers.length + (batch.previousPairings ?? []).length,
    );
    for (const line of recordLines) expect(() => JSON.parse(line.replace(/,$/, ''))).not.toThrow();
  });

  it('writes an empty section as []', () => {
    const emptyPrior = { ...batch, previousPairings: [] };
    expect(JSON.parse(batchToJson(emptyPrior)).previousPairings).toEqual([]);
  });
});
