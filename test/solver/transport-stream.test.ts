/**
 * The streaming transport/v1 JSON reader gives exactly the model the whole-string reader
 * (`parseTransportJson`, i.e. JSON.parse) gives: on generated models (gen.mjs), on random models
 * written in every legal JSON style (whitespace, escapes, number spellings, unknown and duplicate
 * keys), and however the bytes are cut into chunks — down to one byte, into a reused buffer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TransportJsonStreamReader,
  parseTransportJson,
  parseTransportJsonBytes,
  parseTransportJsonChunks,
  readTransportJsonStream,
  readTransportModel,
  type TransportModel,
} from '../../src/solver/transport/index.js';
import { transportModelArbitrary } from './random-transport.js';

const GENERATOR = '/work/shared/perf/gen.mjs';
const encoder = new TextEncoder();
let dir = '';

function whole(bytes: Uint8Array): TransportModel {
  return parseTransportJson(new TextDecoder().decode(bytes));
}

/** Cuts `bytes` at the given (sorted, deduplicated) positions. */
function cut(bytes: Uint8Array, positions: number[]): Uint8Array[] {
  const points = [...new Set(positions.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
}

/** Feeds through one reused buffer that is scribbled over after every feed (as the CLI reuses its read buffer). */
function feedReused(bytes: Uint8Array, size: number): TransportModel {
  const reader = new TransportJsonStreamReader();
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = Math.min(size, bytes.length - at);
    buffer.set(bytes.subarray(at, at + n));
    reader.feed(buffer.subarray(0, n));
    buffer.fill(0x5d);
  }
  return reader.end();
}

/** A model written as transport/v1 by hand: ids, numbers, and the spellings `style` picks. */
function writeModel(m: TransportModel, style: (text: string, at: number) => string): string {
  const nums = (values: ArrayLike<number>) => `[${Array.from(values, (v, i) => style(JSON.stringify(v), i)).join(',')}]`;
  return JSON.stringify({
    format: 'transport/v1',
    meta: { note: 'ids with escapes', nested: [[{ a: null }], true] },
    offers: { id: 'OFFERS', capacity: 'CAPACITY' },
    needs: { id: [...m.needIds], demand: 'DEMAND' },
    edges: { offer: 'OFFER', need: 'NEED', weight: 'WEIGHT', cap: 'CAP', extra: [1, 2] },
  })
    .replace('"OFFERS"', JSON.stringify(m.offerIds))
    .replace('"CAPACITY"', nums(m.offerCapacity))
    .replace('"DEMAND"', nums(m.needDemand))
    .replace('"OFFER"', nums(m.edgeOffer))
    .replace('"NEED"', nums(m.edgeNeed))
    .replace('"WEIGHT"', nums(m.edgeWeight))
    .replace('"CAP"', nums(m.edgeCap));
}

/** Equivalent spellings of a JSON number (the value JSON.parse gives is the same). */
const spellings: Array<(text: string) => string> = [
  (t) => t,
  (t) => (t.includes('.') || t.includes('e') ? t : `${t}.0`),
  (t) => `${t}e0`,
  (t) => (t.includes('e') ? t : `${t}E+00`),
  (t) => ` \n\t${t}\r\n `,
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-transport-stream-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('streaming transport/v1 reader on generated models', () => {
  function generate(family: string, seed: number): Uint8Array {
    const out = join(dir, `${family}-${seed}.json`);
    execFileSync(process.execPath, [GENERATOR, '--family', family, '--seed', String(seed), '--out', out]);
    return readFileSync(out);
  }

  it('reads changzhou seed 1 exactly as the whole-string reader, in big and tiny chunks', () => {
    const bytes = generate('changzhou', 1);
    const expected = whole(bytes);
    expect(expected.edgeOffer.length).toBe(24027);
    expect(parseTransportJsonBytes(bytes)).toStrictEqual(expected);
    expect(parseTransportJsonBytes(bytes, 7)).toStrictEqual(expected);
    expect(feedReused(bytes, 3)).toStrictEqual(expected);
  });

  it('reads a random small generated model (random seed, random assign-N) the same way', () => {
    const seed = 2 + Math.floor(Math.random() * 1000);
    const n = 5 + Math.floor(Math.random() * 30);
    for (const [family, s] of [['changzhou', seed], [`assign-${n}`, seed]] as const) {
      const bytes = generate(family, s);
      const expected = whole(bytes);
      for (const size of [1, 2, 5, 4096, 1 << 20]) expect(parseTransportJsonBytes(bytes, size), `${family} seed ${s}, chunks of ${size}`).toStrictEqual(expected);
    }
  });
});

describe('streaming transport/v1 reader on random models', () => {
  it('agrees with JSON.parse for every spelling and every cut of the bytes', () => {
    fc.assert(
      fc.property(
        transportModelArbitrary({ maxOffers: 5, maxNeeds: 5, maxEdges: 12, decimals: 3 }),
        fc.array(fc.nat(spellings.length - 1), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (model, picks, cuts, size) => {
          const text = writeModel(model, (t, i) => spellings[picks[i % picks.length]!]!(t));
          const bytes = encoder.encode(text);
          const expected = whole(bytes);
          expect(parseTransportJsonChunks(cut(bytes, cuts))).toStrictEqual(expected);
          expect(parseTransportJsonBytes(bytes, size)).toStrictEqual(expected);
          expect(feedReused(bytes, size)).toStrictEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads ids with escapes, non-ASCII, surrogate pairs and a leading byte-order mark', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.boolean(), fc.integer({ min: 1, max: 7 }), (ids, bom, size) => {
        const escaped = JSON.stringify(ids).replace(/[a-z]/g, (c) => (c.charCodeAt(0) % 3 === 0 ? `\\u00${c.charCodeAt(0).toString(16)}` : c));
        const text = `{"format":"transport\\/v1","offers":{"id":${escaped},"capacity":[${ids.map(() => 1).join(',')}]},"needs":{"id":["x","\\ud83d\\ude00","\\u00e9\\t"],"demand":[1,2,3]},"edges":{"offer":[],"need":[],"weight":[],"cap":[]}}`;
        const bytes = encoder.encode((bom ? '\ufeff' : '') + text);
        const expected = whole(bytes);
        expect(expected.offerIds).toEqual(ids);
        expect(parseTransportJsonBytes(bytes, size)).toStrictEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps -0, exponents, long mantissas and tiny numbers exactly as JSON.parse does', () => {
    const numbers = ['-0', '0.1', '0.30000000000000004', '1e-7', '12345678901234567890', '1.7976931348623157e308', '5e-324', '123.456e2', '0.000001234', '9007199254740993'];
    const values = new Float64Array(numbers.map((n) => JSON.parse(n) as number));
    const model = `{"format":"transport/v1","offers":{"id":["a"],"capacity":[1]},"needs":{"id":["b"],"demand":[1]},"edges":{"offer":[${numbers.map(() => 0).join(',')}],"need":[${numbers.map(() => 0).join(',')}],"weight":[${numbers.map((n) => n.replace('-0', '0')).join(',')}],"cap":[${numbers.map(() => '-0').join(',')}]}}`;
    const modelBytes = encoder.encode(model);
    const expected = whole(modelBytes);
    expect(Array.from(expected.edgeWeight)).toEqual(Array.from(values, (v) => Math.abs(v)));
    for (const size of [1, 2, 3, 5, 7, 1000]) expect(parseTransportJsonBytes(modelBytes, size)).toStrictEqual(expected);
    expect(Object.is(parseTransportJsonBytes(modelBytes).edgeCap[0], -0)).toBe(true);
  });
});

describe('entry points', () => {
  const text = '{"format":"transport/v1","offers":{"id":["a"],"capacity":[2]},"needs":{"id":["b"],"demand":[1]},"edges":{"offer":[0],"need":[0],"weight":[1.5],"cap":[1]}}';
  const bytes = encoder.encode(text);

  it('reads an async byte source', async () => {
    async function* source() {
      for (let at = 0; at < bytes.length; at += 4) yield bytes.slice(at, at + 4);
    }
    expect(await readTransportJsonStream(source())).toStrictEqual(whole(bytes));
  });

  it('readTransportModel still reads small JSON and gives the same model', () => {
    expect(readTransportModel(bytes)).toStrictEqual(parseTransportJsonBytes(bytes));
  });
});
