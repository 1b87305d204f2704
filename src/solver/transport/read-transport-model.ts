import { isTransportBin, parseTransportBin } from './read-transport-bin.js';
import { parseTransportJson } from './read-transport-json.js';
import type { TransportModel } from './transport-model.js';

/**
 * Reads a model file's bytes in either format: `.tbin` when the bytes start with its magic,
 * JSON otherwise. Throws {@link TransportModelError} on bad content.
 */
export function readTransportModel(bytes: Uint8Array): TransportModel {
  if (isTransportBin(bytes)) return parseTransportBin(bytes);
  return parseTransportJson(new TextDecoder().decode(bytes));
}
