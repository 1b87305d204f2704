import { isTransportBin, parseTransportBin } from './read-transport-bin.js';
import { parseTransportJson } from './read-transport-json.js';
import { parseTransportJsonBytes } from './json-stream/read-transport-json-stream.js';
import type { TransportModel } from './transport-model.js';

/**
 * Above this size a `transport/v1` JSON file is read streaming (json-stream/read-transport-json-stream.ts)
 * rather than as one string: the same bound as the batch intake's (64 MiB). Below it the
 * whole-string reader is the faster in a fresh process (cold, the streaming scanner's loops are
 * still being compiled: changzhou 24 vs 80 ms, city 0.36 vs 0.44 s); above it the streaming
 * reader is faster (province, 101 MiB: about 1 s against 2-3 s) and needs a fraction of the
 * memory (no 101 M-character string, no tree of 22 M JS numbers). See benchmarks/RESULTS.md.
 */
export const TRANSPORT_JSON_STREAM_BYTES = 64 * 1024 * 1024;

/**
 * Reads a model file's bytes in either format: `.tbin` when the bytes start with its magic,
 * JSON otherwise (streaming above {@link TRANSPORT_JSON_STREAM_BYTES}, so no string as large as
 * the file is made). Throws {@link TransportModelError} on bad content.
 */
export function readTransportModel(bytes: Uint8Array): TransportModel {
  if (isTransportBin(bytes)) return parseTransportBin(bytes);
  if (bytes.length > TRANSPORT_JSON_STREAM_BYTES) return parseTransportJsonBytes(bytes);
  return parseTransportJson(new TextDecoder().decode(bytes));
}

/** How a model file is best read: the .tbin reader, JSON as one string, or JSON streaming. */
export type TransportReadMode = 'tbin' | 'json' | 'json-stream';

/**
 * The reader for a file of `size` bytes that starts with `head` (its first 8 bytes suffice), as
 * {@link readTransportModel} would choose it; for callers that read the file themselves.
 */
export function transportReadMode(size: number, head: Uint8Array): TransportReadMode {
  if (isTransportBin(head)) return 'tbin';
  return size > TRANSPORT_JSON_STREAM_BYTES ? 'json-stream' : 'json';
}
