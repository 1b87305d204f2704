/**
 * `jiedui solve-model` on a JSON model larger than TRANSPORT_JSON_STREAM_BYTES, end to end in a
 * child process: the file (built here in a temp folder, never committed) is read streaming and
 * solved to the optimum computed independently. The model is built so that the optimum is easy
 * to know: offers have capacity to spare, so each need takes its best edges greedily. Long
 * need ids (with escapes and non-ASCII) make the file large without a slow solve.
 */
import { execFile } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile } from '../../src/cli/commands/solve-model-load.js';
import { InvalidInputError } from '../../src/domain/issues.js';
import { TRANSPORT_JSON_STREAM_BYTES } from '../../src/solver/transport/index.js';

const OFFERS = 2000;
const NEEDS = 210_000;
const EDGES_PER_NEED = 8;
let dir = '';
let modelPath = '';
let expectedCents = 0;
/** Byte offset where the last line (the edges, all ASCII) starts. */
let edgesLineStart = 0;
let run: Promise<{ status: number; stdout: string; stderr: string }>;

/** A small deterministic PRNG (mulberry32), so the file is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the model column by column in pieces; returns the optimum in cents. */
function writeBigModel(path: string): number {
  const random = prng(7);
  const demand = Int32Array.from({ length: NEEDS }, () => 1 + Math.floor(random() * 3));
  const offer = new Int32Array(NEEDS * EDGES_PER_NEED);
  const cents = new Int32Array(offer.length);
  const cap = new Int32Array(offer.length);
  let optimum = 0;
  for (let n = 0, e = 0; n < NEEDS; n++) {
    const edges: Array<[number, number]> = [];
    for (let k = 0; k < EDGES_PER_NEED; k++, e++) {
      offer[e] = Math.floor(random() * OFFERS);
      cents[e] = 1 + Math.floor(random() * 2000);
      cap[e] = 1 + Math.floor(random() * 3);
      edges.push([cents[e]!, cap[e]!]);
    }
    // Offers never run out (capacity below), so a need fills its demand from its best edges.
    edges.sort((x, y) => y[0] - x[0]);
    let left = demand[n]!;
    for (const [c, limit] of edges) {
      const take = Math.min(left, limit);
      optimum += take * c;
      left -= take;
    }
  }
  const fd = openSync(path, 'w');
  let written = 0;
  const write = (text: string) => (written += writeSync(fd, text));
  const column = (key: string, length: number, item: (i: number) => string, last = false) => {
    write(`"${key}":[`);
    for (let from = 0; from < length; from += 50_000) {
      const piece: string[] = [];
      for (let i = from; i < Math.min(length, from + 50_000); i++) piece.push(item(i));
      write((from > 0 ? ',' : '') + piece.join(','));
    }
    write(last ? ']' : '],');
  };
  const padding = 'ü\\"\\u00e9-'.repeat(22);
  write('{"format":"transport/v1","meta":{"made-by":"transport-stream-cli.test"},\n"offers":{');
  column('id', OFFERS, (o) => `"o${o}"`);
  column('capacity', OFFERS, () => String(NEEDS * 3), true);
  write('},\n"needs":{');
  column('id', NEEDS, (n) => `"need-${n}-${padding}"`);
  column('demand', NEEDS, (n) => String(demand[n]), true);
  write('},\n');
  edgesLineStart = written;
  write('"edges":{');
  column('offer', offer.length, (e) => String(offer[e]));
  column('need', offer.length, (e) => String(Math.floor(e / EDGES_PER_NEED)));
  column('weight', offer.length, (e) => (cents[e]! / 100).toFixed(2));
  column('cap', offer.length, (e) => String(cap[e]), true);
  write('}}\n');
  closeSync(fd);
  return optimum;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-stream-cli-'));
  modelPath = join(dir, 'big.json');
  expectedCents = writeBigModel(modelPath);
  run = new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'solve-model', modelPath], { encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
});

afterAll(async () => {
  await run;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('jiedui solve-model on a JSON model above the streaming threshold', () => {
  it('streams the file and solves it to the independently computed optimum', async () => {
    expect(statSync(modelPath).size).toBeGreaterThan(TRANSPORT_JSON_STREAM_BYTES);
    const result = await run;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout.trim());
    expect(line).toMatchObject({ status: 'optimal', reader: 'json-stream', offers: OFFERS, needs: NEEDS, edges: NEEDS * EDGES_PER_NEED, certificate_ok: true });
    expect(line.seconds_parse).toBeGreaterThan(0);
    expect(Math.round(line.objective * 100)).toBe(expectedCents);
  });

  it('reports a truncated big file at its last byte', async () => {
    await run; // one big job at a time on this 2-core machine
    const cutPath = join(dir, 'cut.json');
    copyFileSync(modelPath, cutPath);
    const size = statSync(modelPath).size - 1000;
    truncateSync(cutPath, size);
    let caught: unknown;
    try {
      loadModelFile(cutPath);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const issues = (caught as InvalidInputError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe(`not JSON: unexpected end of input at byte ${size} (line 4, column ${size - edgesLineStart + 1})`);
  });
});
