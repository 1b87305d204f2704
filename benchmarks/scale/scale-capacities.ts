/**
 * A `.tbin` model with every quantity (offer capacities, need demands, edge caps) multiplied by
 * a factor: the same network with "100-yuan units" sized numbers. The optimum scales by the same
 * factor (the feasible set does), so a solver whose work does not depend on the size of the
 * numbers solves it in the same time.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const HEADER_BYTES = 48;

/** Writes `to`: the model at `from` with quantities times `factor`; throws if one would overflow int32. */
export function writeScaledCapacities(from: string, to: string, factor: number): void {
  const bytes = readFileSync(from);
  if (bytes.subarray(0, 8).toString('latin1') !== 'TRV1BIN\0') throw new Error(`bench: ${from} is not a .tbin file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offers = view.getUint32(8, true);
  const needs = view.getUint32(12, true);
  const edges = Number(view.getBigUint64(16, true));
  const scale = (at: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const v = view.getInt32(at + 4 * i, true) * factor;
      if (v > 0x7fffffff) throw new Error(`bench: ${v} overflows int32`);
      view.setInt32(at + 4 * i, v, true);
    }
  };
  let at = HEADER_BYTES;
  scale(at, offers); // capacity
  at += 4 * offers;
  scale(at, needs); // demand
  at += 4 * needs;
  at += 4 * edges + 4 * edges + 8 * edges; // edge offer, edge need, weight
  scale(at, edges); // edge cap
  writeFileSync(to, bytes);
}
