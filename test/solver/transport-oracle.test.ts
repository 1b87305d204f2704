/**
 * solveTransport against javascript-lp-solver solving the transport LP written out directly
 * (no network in between), with the flow re-checked for feasibility and the certificate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelObjective, solveTransport, solveTransportWithJsLp } from '../../src/solver/transport/index.js';
import { transportModelArbitrary, transportViolations } from './random-transport.js';

describe('solveTransport agrees with javascript-lp-solver', () => {
  it.each([
    ['circulation, one solve per component', { formulation: 'circulation', splitAboveEdges: 0 }],
    ['circulation, whole model', { formulation: 'circulation', splitAboveEdges: Number.POSITIVE_INFINITY }],
    ['bypass, one solve per component', { formulation: 'bypass', splitAboveEdges: 0 }],
  ] as const)('on random models with 2-decimal weights (%s)', (_name, options) => {
    fc.assert(
      fc.property(transportModelArbitrary(), (model) => {
        const ours = solveTransport(model, options);
        if (ours.status !== 'optimal') throw new Error(ours.status);
        const oracle = solveTransportWithJsLp(model);
        if (oracle.status !== 'optimal') throw new Error(`oracle ${oracle.status}`);
        expect(Math.abs(ours.objective - oracle.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(oracle.objective)));
        expect(ours.weightScale).toBeLessThanOrEqual(100);
        expect(ours.objectiveErrorBound).toBe(0);
        expect(transportViolations(model, ours.flow)).toEqual([]);
        expect(ours.objective).toBeCloseTo(modelObjective(model, ours.flow), 9);
        expect(ours.certificate).toEqual({ ok: true, gap: 0, maxReducedCostViolation: 0 });
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('on random models with 7-decimal weights (rounded at 1e-6, within the reported bound)', () => {
    let rounded = 0;
    fc.assert(
      fc.property(transportModelArbitrary({ decimals: 7 }), (model) => {
        const ours = solveTransport(model);
        if (ours.status !== 'optimal') throw new Error(ours.status);
        const oracle = solveTransportWithJsLp(model);
        if (oracle.status !== 'optimal') throw new Error(`oracle ${oracle.status}`);
        // Weights that happen to have <= 6 decimals scale exactly; the others are rounded at 1e-6.
        expect(ours.weightScale).toBeLessThanOrEqual(1e6);
        if (ours.weightScale < 1e6) expect(ours.objectiveErrorBound).toBe(0);
        else rounded++;
        expect(transportViolations(model, ours.flow)).toEqual([]);
        expect(oracle.objective - ours.objective).toBeLessThanOrEqual(ours.objectiveErrorBound + 1e-6 * Math.max(1, oracle.objective));
        expect(ours.objective - oracle.objective).toBeLessThanOrEqual(1e-6 * Math.max(1, oracle.objective));
      }),
      { numRuns: 60, seed: 17 },
    );
    expect(rounded).toBeGreaterThan(30);
  });
});
