import { describe, expect, it } from 'vitest';
import { createRng, fnv1a32, weightedDistinct } from '../../src/generate/prng.js';
import { cosPoly, distanceKm, offsetKm } from '../../src/generate/geo.js';
import { createWeightedSampler } from '../../src/generate/sampler.js';

describe('generate/prng', () => {
  it('hashes with FNV-1a (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('repeats a stream for the same seed text and differs for another', () => {
    const draw = (seed: string): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw('x|1')).toEqual(draw('x|1'));
    expect(draw('x|1')).not.toEqual(draw('x|2'));
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = createRng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws weighted indices roughly in proportion, never a zero weight', () => {
    const rng = createRng('weights');
    const counts = [0, 0, 0, 0];
    const sampler = createWeightedSampler([1, 0, 3, 6]);
    for (let i = 0; i < 20_000; i++) {
      counts[rng.weighted([1, 0, 3, 6])]!++;
      counts[sampler.draw(rng)]!++;
    }
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 40_000).toBeCloseTo(0.1, 1);
    expect(counts[2]! / 40_000).toBeCloseTo(0.3, 1);
    expect(counts[3]! / 40_000).toBeCloseTo(0.6, 1);
  });

  it('draws distinct indices without replacement and skips zero weights', () => {
    const rng = createRng('distinct');
    for (let i = 0; i < 100; i++) {
      const picked = weightedDistinct(rng, [1, 0, 2, 0, 5], 4);
      expect(picked).toHaveLength(3);
      expect(new Set(picked).size).toBe(3);
      expect(picked).not.toContain(1);
      expect(picked).not.toContain(3);
    }
  });

  it('approximates a standard normal: mean ~0, variance ~1', () => {
    const rng = createRng('normal');
    let sum = 0;
    let squares = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      sum += x;
      squares += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(squares / n).toBeCloseTo(1, 1);
  });
});

describe('generate/geo', () => {
  it('computes cos by polynomial to within 1e-10 of Math.cos for latitudes up to 60°', () => {
    for (let deg = 0; deg <= 60; deg += 0.5) {
      const x = (deg * Math.PI) / 180;
      expect(Math.abs(cosPoly(x) - Math.cos(x))).toBeLessThan(1e-10);
    }
  });

  it('measures offsets back as the distance they were made with, and agrees with haversine', () => {
    const origin = { lat: 31.78, lon: 119.97 };
    const moved = offsetKm(origin, 3, 4);
    expect(distanceKm(origin, moved)).toBeCloseTo(5, 2);
    // Haversine with a 6371 km sphere as an independent oracle (within 0.5 %).
    const far = { lat: 31.44, lon: 119.46 };
    const rad = Math.PI / 180;
    const h =
      Math.sin(((far.lat - origin.lat) * rad) / 2) ** 2 +
      Math.cos(far.lat * rad) * Math.cos(origin.lat * rad) * Math.sin(((far.lon - origin.lon) * rad) / 2) ** 2;
    const haversine = 2 * 6371 * Math.asin(Math.sqrt(h));
    expect(Math.abs(distanceKm(origin, far) - haversine) / haversine).toBeLessThan(0.005);
  });
});
