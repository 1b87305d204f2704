/**
 * A small seeded PRNG for the generator: sfc32, seeded through splitmix32 from the FNV-1a hash
 * of a string. Every step is 32-bit integer arithmetic and every derived draw uses only
 * + − × ÷, floor and sqrt (all exactly specified by IEEE 754), so a (family, seed) pair gives
 * byte-identical batches on every JavaScript engine. No Math.log/exp/cos: their last bits may
 * differ between engines.
 */

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** splitmix32: turns one 32-bit seed into a stream of well-mixed 32-bit words. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let t = state ^ (state >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** The draws the generator needs. All ranges are inclusive of `lo` and exclusive/inclusive as named. */
export interface Rng {
  /** A uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** A uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** A uniform float in [lo, hi). */
  range(lo: number, hi: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** A uniform element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to `weights[i]` (weights ≥ 0, sum > 0). */
  weighted(weights: readonly number[]): number;
  /** Approximately standard normal (Irwin–Hall of 4 uniforms, rescaled; tails cut at ±3.46). */
  normal(): number;
}

const TWO_POW_32 = 4294967296;
const SQRT_3 = 1.7320508075688772;

/** Creates an sfc32 generator seeded from `seedText` (e.g. `"jiedui-gen/1|changzhou|1"`). */
export function createRng(seedText: string): Rng {
  const seeder = splitmix32(fnv1a32(seedText));
  let a = seeder() | 0;
  let b = seeder() | 0;
  let c = seeder() | 0;
  let d = seeder() | 0;
  const nextWord = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 16; i++) nextWord(); // let the state diffuse before the first draw
  const next = (): number => nextWord() / TWO_POW_32;
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    range: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('generate/prng: pick from an empty list');
      return item;
    },
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal: () => (next() + next() + next() + next() - 2) * SQRT_3,
  };
}

/** Draws from a weight table keyed by id: returns the chosen key. */
export function weightedKey<K extends string>(rng: Rng, table: Readonly<Partial<Record<K, number>>>): K {
  const keys = Object.keys(table) as K[];
  const index = rng.weighted(keys.map((k) => table[k] ?? 0));
  return keys[index] as K;
}

/** Up to `count` distinct indices drawn by weight without replacement (zero weights never drawn). */
export function weightedDistinct(rng: Rng, weights: readonly number[], count: number): number[] {
  const left = weights.slice();
  const chosen: number[] = [];
  for (let k = 0; k < count; k++) {
    if (!left.some((w) => w > 0)) break;
    const i = rng.weighted(left);
    chosen.push(i);
    left[i] = 0;
  }
  return chosen;
}
