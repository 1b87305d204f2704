/**
 * Reads the `transport/v1-bin` side format (.tbin; layout in FORMAT.md): a 48-byte header with
 * magic `TRV1BIN\0` and counts, then little-endian columns, then the ids as UTF-8 lines.
 */
import { collectTransportIssues } from './validate-transport.js';
import { TransportModelError, type TransportModel, type TransportModelIssue } from './transport-model.js';

const MAGIC = 'TRV1BIN\0';
const HEADER_BYTES = 48;

/** Whether the bytes start with the .tbin magic. */
export function isTransportBin(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Parses and validates a .tbin file's bytes. Throws {@link TransportModelError}. */
export function parseTransportBin(bytes: Uint8Array): TransportModel {
  if (!isTransportBin(bytes)) throw new TransportModelError([{ path: ['magic'], message: `expected ${JSON.stringify(MAGIC)}` }]);
  if (bytes.length < HEADER_BYTES) throw new TransportModelError([{ path: ['header'], message: `file has ${bytes.length} bytes, header needs ${HEADER_BYTES}` }]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offers = view.getUint32(8, true);
  const needs = view.getUint32(12, true);
  const edges = Number(view.getBigUint64(16, true));
  const offerBlob = Number(view.getBigUint64(24, true));
  const needBlob = Number(view.getBigUint64(32, true));
  const expected = HEADER_BYTES + 4 * offers + 4 * needs + 20 * edges + offerBlob + needBlob;
  if (bytes.length !== expected) {
    throw new TransportModelError([{ path: ['header'], message: `counts (${offers} offers, ${needs} needs, ${edges} edges) need ${expected} bytes, file has ${bytes.length}` }]);
  }
  const reader = new ColumnReader(bytes, HEADER_BYTES);
  const offerCapacity = Float64Array.from(reader.int32(offers));
  const needDemand = Float64Array.from(reader.int32(needs));
  const edgeOffer = reader.int32(edges);
  const edgeNeed = reader.int32(edges);
  const edgeWeight = reader.float64(edges);
  const edgeCap = Float64Array.from(reader.int32(edges));
  const issues: TransportModelIssue[] = [];
  const offerIds = reader.lines(offerBlob, offers, ['offers', 'id'], issues);
  const needIds = reader.lines(needBlob, needs, ['needs', 'id'], issues);
  const model: TransportModel = { offerIds, offerCapacity, needIds, needDemand, edgeOffer, edgeNeed, edgeWeight, edgeCap };
  collectTransportIssues(model, issues);
  if (issues.length > 0) throw new TransportModelError(issues);
  return model;
}

const littleEndianHost = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Reads consecutive little-endian columns; copies into aligned typed arrays. */
class ColumnReader {
  constructor(
    private readonly bytes: Uint8Array,
    private offset: number,
  ) {}

  int32(count: number): Int32Array {
    const out = new Int32Array(this.take(4 * count));
    if (!littleEndianHost) swapEach(out, 4);
    return out;
  }

  float64(count: number): Float64Array {
    const out = new Float64Array(this.take(8 * count));
    if (!littleEndianHost) swapEach(out, 8);
    return out;
  }

  lines(length: number, count: number, path: [string, string], issues: TransportModelIssue[]): string[] {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    const ids = count === 0 ? [] : text.split('\n');
    if (ids.length !== count) issues.push({ path, message: `${ids.length} ids for ${count} entries` });
    return ids;
  }

  /** A fresh, aligned copy of the next `length` bytes (Buffer#slice would return a view). */
  private take(length: number): ArrayBuffer {
    const copy = new Uint8Array(length);
    copy.set(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return copy.buffer;
  }
}

function swapEach(array: Int32Array | Float64Array, width: number): void {
  const b = new Uint8Array(array.buffer);
  for (let i = 0; i < b.length; i += width) b.subarray(i, i + width).reverse();
}
