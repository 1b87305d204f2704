/**
 * The transport/v1 readers: JSON and .tbin give the same model; bad files are rejected with
 * every problem named by its path.
 */
import { describe, expect, it } from 'vitest';
import { MIXED_BAG } from './transport-bad-documents.js';
import {
  TransportModelError,
  detectWeightScale,
  parseTransportBin,
  parseTransportJson,
  readTransportModel,
  renderPath,
  type TransportModel,
} from '../../src/solver/transport/index.js';

const good = {
  format: 'transport/v1',
  meta: { family: 'hand', seed: 0 },
  offers: { id: ['A', 'B'], capacity: [3, 0] },
  needs: { id: ['x', 'y', 'z'], demand: [1, 2, 5] },
  edges: { offer: [0, 0, 1, 0], need: [0, 2, 1, 2], weight: [1.25, 0.01, 7, 3.5], cap: [1, 3, 0, 2] },
  extra: 'ignored',
};

/** Encodes a model in the .tbin layout of FORMAT.md (written here independently of the reader). */
function encodeBin(m: TransportModel): Uint8Array {
  const enc = new TextEncoder();
  const offerIds = enc.encode(m.offerIds.join('\n'));
  const needIds = enc.encode(m.needIds.join('\n'));
  const o = m.offerCapacity.length, n = m.needDemand.length, e = m.edgeOffer.length;
  const bytes = new Uint8Array(48 + 4 * o + 4 * n + 20 * e + offerIds.length + needIds.length);
  const view = new DataView(bytes.buffer);
  bytes.set(enc.encode('TRV1BIN\0'), 0);
  view.setUint32(8, o, true);
  view.setUint32(12, n, true);
  view.setBigUint64(16, BigInt(e), true);
  view.setBigUint64(24, BigInt(offerIds.length), true);
  view.setBigUint64(32, BigInt(needIds.length), true);
  let at = 48;
  const i32 = (values: ArrayLike<number>) => Array.from(values).forEach((v) => (view.setInt32(at, v, true), (at += 4)));
  i32(m.offerCapacity);
  i32(m.needDemand);
  i32(m.edgeOffer);
  i32(m.edgeNeed);
  Array.from(m.edgeWeight).forEach((v) => (view.setFloat64(at, v, true), (at += 8)));
  i32(m.edgeCap);
  bytes.set(offerIds, at);
  bytes.set(needIds, at + offerIds.length);
  return bytes;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TransportModelError) return error.issues.map((i) => `${renderPath(i.path)}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a TransportModelError');
}

describe('parseTransportJson', () => {
  it('reads a valid model into typed columns', () => {
    const m = parseTransportJson(JSON.stringify(good));
    expect(m.offerIds).toEqual(['A', 'B']);
    expect(Array.from(m.edgeNeed)).toEqual([0, 2, 1, 2]);
    expect(Array.from(m.edgeWeight)).toEqual([1.25, 0.01, 7, 3.5]);
    expect(Array.from(m.needDemand)).toEqual([1, 2, 5]);
  });

  it('lists every problem of a bad file with its JSON path', () => {
    expect(issuesOf(() => parseTransportJson(JSON.stringify(MIXED_BAG.doc)))).toEqual(MIXED_BAG.issues);
  });

  it('checks numbers when the shape is right too', () => {
    const bad = structuredClone(good) as typeof good;
    bad.offers.capacity = [3, -1];
    bad.needs.demand = [1.5, 2, 5];
    bad.edges.weight = [1, -2, 3, 4];
    bad.edges.cap = [1, 1, 0.5, 2];
    expect(issuesOf(() => parseTransportJson(JSON.stringify(bad)))).toEqual([
      'offers.capacity[1]: expected an integer >= 0, got -1',
      'needs.demand[0]: expected an integer >= 0, got 1.5',
      'edges.weight[1]: expected a finite number >= 0, got -2',
      'edges.cap[2]: expected an integer >= 0, got 0.5',
    ]);
  });

  it('names missing sections and non-JSON text', () => {
    expect(issuesOf(() => parseTransportJson('{"format":"transport/v1","offers":{}}'))).toEqual([
      'needs: missing',
      'edges: missing',
      'offers.id: missing',
      'offers.capacity: missing',
    ]);
    expect(issuesOf(() => parseTransportJson('{oops'))[0]).toMatch(/^\(root\): not JSON/);
    expect(issuesOf(() => parseTransportJson('[1]'))).toEqual(['(root): expected a JSON object']);
  });
});

describe('parseTransportBin', () => {
  it('reads the same model as the JSON reader, recognised by its magic', () => {
    const fromJson = parseTransportJson(JSON.stringify(good));
    const bytes = encodeBin(fromJson);
    expect(parseTransportBin(bytes)).toEqual(fromJson);
    expect(readTransportModel(bytes)).toEqual(fromJson);
    expect(readTransportModel(new TextEncoder().encode(JSON.stringify(good)))).toEqual(fromJson);
  });

  it('rejects truncated files and bad values', () => {
    const bytes = encodeBin(parseTransportJson(JSON.stringify(good)));
    expect(issuesOf(() => parseTransportBin(bytes.subarray(0, bytes.length - 1)))[0]).toMatch(/^header: counts .* need \d+ bytes, file has \d+/);
    const spoiled = bytes.slice();
    new DataView(spoiled.buffer).setInt32(48 + 4 * 2 + 4 * 3 + 4, 9, true); // edges.offer[1] = 9
    expect(issuesOf(() => parseTransportBin(spoiled))).toEqual(['edges.offer[1]: index 9 outside 0..1']);
    expect(issuesOf(() => parseTransportBin(new TextEncoder().encode('TRV2BIN\0')))).toEqual(['magic: expected "TRV1BIN\\u0000"']);
  });
});

describe('detectWeightScale', () => {
  it('finds the smallest exact decimal scale', () => {
    expect(detectWeightScale(Float64Array.of(1, 2, 30))).toMatchObject({ scale: 1, exact: true });
    expect(detectWeightScale(Float64Array.of(12.34, 0.01, 7.1))).toMatchObject({ scale: 100, exact: true });
    expect(detectWeightScale(Float64Array.of(0.1 + 0.2))).toMatchObject({ scale: 1e6, exact: false });
    expect(detectWeightScale(Float64Array.of(1 / 3)).maxRoundingError).toBeLessThanOrEqual(0.5e-6);
  });
});
