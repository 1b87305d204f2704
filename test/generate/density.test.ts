/**
 * Candidate-pair density of the families, tuned to resemble the transport/v1 generator
 * (changzhou ≈ 20–30k pairs, city ≈ 500k–900k). Measured with countCandidatePairs.
 */
import { describe, expect, it } from 'vitest';
import { countCandidatePairs, generateBatch } from '../../src/generate/index.js';

describe('generate: candidate-pair density', () => {
  it.each([1, 2, 3])('changzhou seed %i has 20k–30k candidate pairs', (seed) => {
    const counts = countCandidatePairs(generateBatch('changzhou', seed));
    expect(counts.core).toBeGreaterThan(20_000);
    expect(counts.core).toBeLessThan(30_000);
    // Windows and skills prune some pairs but not most of them.
    expect(counts.withWindowsAndSkills).toBeLessThan(counts.core);
    expect(counts.withWindowsAndSkills).toBeGreaterThan(0.6 * counts.core);
  });

  it('city seed 1 has 500k–900k candidate pairs', () => {
    const counts = countCandidatePairs(generateBatch('city', 1));
    expect(counts.core).toBeGreaterThan(500_000);
    expect(counts.core).toBeLessThan(900_000);
  });
});
