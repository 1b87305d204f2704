/**
 * The WebAssembly core's memory layout: a network too large for 32-bit addresses is refused
 * (sizes are summed in 64 bits, so they cannot wrap round to a small, wrong layout), and a
 * refused layout leaves the core usable.
 */
import { describe, expect, it } from 'vitest';
import { solveMinCostFlow } from '../../src/solver/min-cost-flow/index.js';
import { simplexCore } from '../../src/solver/min-cost-flow/wasm-core.js';

describe('WebAssembly core layout', () => {
  it('refuses networks beyond 4 GiB, including sizes that would wrap in 32 bits', () => {
    const core = simplexCore();
    expect(core.layout(200_000_000, 300_000_000, 3)).toBe(0);
    // 2^29 arcs × 32 bytes is exactly 2^34: wraps to 0 in 32-bit arithmetic.
    expect(core.layout(1, 2 ** 29, 0)).toBe(0);
    expect(core.layout(10, 20, 3)).toBe(1);
  });

  it('solves normally after a refused layout', () => {
    simplexCore().layout(1, 2 ** 29, 0);
    const out = solveMinCostFlow({
      nodeCount: 2,
      arcCount: 1,
      tail: Int32Array.of(0),
      head: Int32Array.of(1),
      capacity: Float64Array.of(5),
      cost: Float64Array.of(3),
      supply: Float64Array.of(2, -2),
    });
    expect(out).toMatchObject({ status: 'optimal', cost: 6 });
    expect(out.status === 'optimal' && Array.from(out.flow)).toEqual([2]);
  });
});
