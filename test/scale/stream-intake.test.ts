import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBatch } from '../../src/intake/index.js';
import {
  JSON_STRING_COMFORT_BYTES,
  loadBatchFile,
  readBatchStream,
  type StreamProgress,
} from '../../src/intake/stream/index.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { arbitraryBatch, community, need, offer } from '../support/batch-builders.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const layouts = {
  compact: (b: Batch) => JSON.stringify(b),
  pretty: (b: Batch) => JSON.stringify(b, null, 2),
  crlf: (b: Batch) => JSON.stringify(b, null, 1).replace(/\n/g, '\r\n'),
  bom: (b: Batch) => `\uFEFF${JSON.stringify(b, null, 1)}`,
};

describe('streaming batch intake (JSON)', () => {
  it('gives exactly what the whole-text reader gives, for valid, invalid and malformed batches, whatever the chunking', async () => {
    const corruption = fc.option(
      fc.record({ at: fc.nat(), del: fc.boolean(), ch: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'x', '7', ' ', '\\', '\n', 'é', '社') }),
      { freq: 2, nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(arbitraryBatch(5, 4), fc.constantFrom(...Object.values(layouts)), fc.integer({ min: 1, max: 300 }), corruption, async (b, layout, chunk, bad) => {
        let text = layout(b);
        if (bad) {
          const at = bad.at % text.length;
          text = bad.del ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + bad.ch + text.slice(at);
        }
        const streamed = await readBatchStream(chunksOf(new TextEncoder().encode(text), chunk));
        expect(streamed).toEqual(parseBatch(text));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('reads documents that are not batch objects as the whole-text reader does', async () => {
    for (const text of ['', '   ', '[1, 2]', '"batch"', '\n\n  null', '{}', '{"needs": 3}', '{"a": 1} x']) {
      const streamed = await readBatchStream(chunksOf(new TextEncoder().encode(text), 2));
      expect(streamed).toEqual(parseBatch(text));
    }
  });
});

// Long free-text descriptions make the file big while the record count (validation time) stays modest.
const DESCRIPTION = '社区老年人助餐与上门探访服务需要志愿者长期参与，'.repeat(60).slice(0, 1900);
const needId = (n: number) => `N${String(n).padStart(7, '0')}`;
const needText = (n: number) => JSON.stringify(need(needId(n), `C${n % 40}`, { description: DESCRIPTION, quantity: 1 + (n % 9) }));
/** Byte offset of `field` in need n's text. */
const fieldOffset = (n: number, field: string) => Buffer.byteLength(needText(n).slice(0, needText(n).indexOf(field)));

/** Writes a batch bigger than the comfort zone, one record per line, and notes where each need's line starts. */
function writeBigBatch(path: string, minBytes: number): { needs: number; needOffset: number[]; needLine: number[] } {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let line = 1;
  const put = (text: string) => {
    bytes += writeSync(fd, text);
    line += text.split('\n').length - 1;
  };
  const communities = Array.from({ length: 40 }, (_, i) => community(`C${i}`, { location: { lat: 31.7 + i * 0.003, lon: 119.9 + i * 0.003 } }));
  put('{\n"format": "jiedui-batch/v1",\n"communities": [\n');
  communities.forEach((c, i) => put(`${JSON.stringify(c)}${i < communities.length - 1 ? ',' : ''}\n`));
  put('],\n"needs": [\n');
  const needOffset: number[] = [];
  const needLine: number[] = [];
  let n = 0;
  while (bytes < minBytes) {
    if (n > 0) put(',\n');
    needOffset.push(bytes);
    needLine.push(line);
    put(needText(n));
    n++;
  }
  put('\n],\n"offers": [\n');
  put([offer('O1'), offer('O2', { form: 'funds', capacity: 5000, categories: ['elderly', 'health'] })].map((o) => JSON.stringify(o)).join(',\n'));
  put('\n]\n}\n');
  closeSync(fd);
  return { needs: n, needOffset, needLine };
}

/** Overwrites `text` at byte `offset` (same length, so the rest of the file stays where it is). */
function patch(path: string, offset: number, text: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, text, offset);
  closeSync(fd);
}

describe('streaming batch intake of a file beyond one comfortable JSON string', () => {
  it('reads it record by record, and reports every bad record with its path', () => {
    const path = join(dir, 'big-batch.json');
    const written = writeBigBatch(path, JSON_STRING_COMFORT_BYTES + 4 * 1024 * 1024);
    expect(statSync(path).size).toBeGreaterThan(JSON_STRING_COMFORT_BYTES);

    const progress: StreamProgress[] = [];
    const good = loadBatchFile(path, { onProgress: (p) => progress.push(p) });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.batch.needs).toHaveLength(written.needs);
    expect(good.batch.needs[12_345]).toMatchObject({ id: 'N0012345', community: 'C25', quantity: 1 + (12_345 % 9) });
    expect(good.batch.offers.map((o) => o.id)).toEqual(['O1', 'O2']);
    // Streamed: many chunks, records counted as they arrive, every byte read.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)!.bytes).toBe(statSync(path).size);
    expect(progress.at(-1)!.records).toBeGreaterThan(written.needs);

    // Three bad records far apart: a misspelt category, a zero quantity, a repeated id.
    const [a, b, c] = [7, Math.floor(written.needs / 2), written.needs - 3];
    patch(path, written.needOffset[a]! + fieldOffset(a, '"elderly"'), '"elderlx"');
    patch(path, written.needOffset[b]! + fieldOffset(b, '"quantity":'), '"quantity":0');
    patch(path, written.needOffset[c]! + fieldOffset(c, needId(c)), needId(c - 1));
    const bad = loadBatchFile(path);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual([
      ['needs', a, 'category'],
      ['needs', b, 'quantity'],
      ['needs', c, 'id'],
    ]);
    expect(bad.issues[2]!.code).toBe('duplicate_id');

    // A broken bracket is located by line, as the whole-text reader would.
    patch(path, written.needOffset[c]!, '[');
    const broken = loadBatchFile(path);
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues).toHaveLength(1);
    expect(broken.issues[0]!.code).toBe('malformed_json');
    expect(broken.issues[0]!.message).toMatch(new RegExp(`^malformed JSON at line ${written.needLine[c]!}, column \\d+:`));
  });

  it('reads small files whole, and names a file it cannot read', () => {
    const path = join(dir, 'small.json');
    writeFileSync(path, JSON.stringify({ communities: [community('C1')], needs: [need('N1', 'C1')], offers: [offer('O1')] }));
    const progress: StreamProgress[] = [];
    const result = loadBatchFile(path, { onProgress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);
    expect(progress).toHaveLength(1);
    const missing = loadBatchFile(join(dir, 'nope.json'));
    expect(missing).toMatchObject({ ok: false, issues: [{ code: 'unreadable_file', message: 'cannot read batch: ENOENT' }] });
  });
});

describe('NDJSON batches', () => {
  const toNdjson = (b: Batch, header = true) =>
    [
      ...(header ? [JSON.stringify({ type: 'batch', format: 'jiedui-batch/v1', name: 'test' })] : []),
      ...b.communities.map((r) => JSON.stringify({ type: 'community', ...r })),
      ...b.offers.map((r) => JSON.stringify({ type: 'offer', ...r })),
      ...b.needs.map((r) => JSON.stringify({ type: 'need', ...r })),
    ].join('\n');

  it('reads the same batch as its JSON form', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryBatch(6, 4), fc.integer({ min: 1, max: 200 }), async (b, chunk) => {
        const streamed = await readBatchStream(chunksOf(new TextEncoder().encode(`${toNdjson(b)}\n`), chunk), { format: 'ndjson' });
        expect(streamed).toEqual(parseBatch(JSON.stringify({ format: 'jiedui-batch/v1', name: 'test', ...b })));
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('reports bad lines and bad records with their line numbers, all at once', async () => {
    const b = { communities: [community('C1')], needs: [need('N1', 'C1'), need('N2', 'C1', { category: 'eldrly' as never })], offers: [offer('O1')], previousPairings: [] };
    const lines = toNdjson(b, false).split('\n');
    lines.splice(1, 0, '{"type": "wish", "id": "W1"}', '{"type": "need", "id": ', '');
    const path = join(dir, 'bad.ndjson');
    writeFileSync(path, lines.join('\r\n'));
    const result = loadBatchFile(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map((i) => i.message);
    expect(messages[0]).toMatch(/^line 2: "type" is "wish"/);
    expect(messages[1]).toMatch(/^malformed JSON at line 3, column \d+: unexpected end of input/);
    expect(result.issues[2]).toMatchObject({ path: ['needs', 1, 'category'] });
    expect(messages[2]).toMatch(/\(line 7\)$/);
    expect(result.issues).toHaveLength(3);
  });
});
