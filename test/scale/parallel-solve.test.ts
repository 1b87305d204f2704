import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadBatchOrThrow } from '../../src/intake/index.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { defaultMatchOptions, type MatchResult } from '../../src/match/types.js';
import { prepareModel, runMatching } from '../../src/match/run-matching.js';
import { solveComponents } from '../../src/match/solve/solve-components.js';
import { componentCost, planComponentSolve } from '../../src/match/parallel/plan-component-solve.js';
import { solveComponentsParallel, type SolveProgress } from '../../src/match/parallel/solve-components-parallel.js';
import { runMatchingParallel } from '../../src/match/parallel/run-matching-parallel.js';
import { createComponentPool, defaultComponentWorkers, type ComponentPool } from '../../src/jobs/component-pool.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { arbitraryBatch, batch, community, need, offer } from '../support/batch-builders.js';

let pool: ComponentPool;
beforeAll(() => {
  pool = createComponentPool(2);
});
afterAll(async () => {
  await pool.close();
});

/** Timings differ between runs; everything else must not. */
function withoutTimings(result: MatchResult): unknown {
  return { ...result, solve: { ...result.solve, timings: {} } };
}

/** Several far-apart towns, each with its own needs and offers: as many components as towns. */
function townsBatch(towns: number, needsPerTown: number, offersPerTown: number): Batch {
  const communities = Array.from({ length: towns }, (_, t) => community(`C${t}`, { location: { lat: 30 + t, lon: 118 + t } }));
  const needs = communities.flatMap((c, t) =>
    Array.from({ length: needsPerTown }, (_, i) => need(`N${t}-${i}`, c.id, { quantity: 1 + ((i * 7 + t) % 9), urgency: 1 + (i % 5), beneficiaries: 10 + ((i * 13) % 90) })),
  );
  const offers = communities.flatMap((c, t) =>
    Array.from({ length: offersPerTown }, (_, i) => offer(`O${t}-${i}`, { capacity: 3 + ((i * 5 + t) % 11), location: c.location, radiusKm: 30 })),
  );
  return batch(communities, needs, offers);
}

describe('planComponentSolve', () => {
  it('puts every component in exactly one lane, the largest on the calling thread, and balances by estimated cost', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 2, max: 8 }), (arcs, threads) => {
        const plan = planComponentSolve(arcs, threads, 0);
        expect(plan.parallel).toBe(true);
        expect(plan.lanes.flat().sort((a, b) => a - b)).toEqual(arcs.map((_, c) => c));
        expect(plan.lanes.length).toBeLessThanOrEqual(threads);
        const largest = arcs.indexOf(Math.max(...arcs));
        expect(arcs[plan.lanes[0]![0]!]).toBe(arcs[largest]);
        // Greedy LPT: no lane carries more than the lightest lane plus its own last component.
        const cost = plan.lanes.map((lane) => lane.reduce((s, c) => s + componentCost(arcs[c]!), 0));
        for (const lane of plan.lanes) {
          const last = lane.at(-1)!;
          expect(lane.reduce((s, c) => s + componentCost(arcs[c]!), 0) - componentCost(arcs[last]!)).toBeLessThanOrEqual(Math.min(...cost) + 1e-6);
        }
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('stays on one thread when there is one thread, one component, or too little to give away', () => {
    expect(planComponentSolve([500_000, 400_000], 1).parallel).toBe(false);
    expect(planComponentSolve([5_000_000], 4).parallel).toBe(false);
    const small = planComponentSolve([900_000, 20_000, 10_000], 2, 150_000);
    expect(small).toEqual({ parallel: false, lanes: [[0, 1, 2]], offloadArcs: 0 });
    expect(planComponentSolve([900_000, 200_000, 100_000], 2, 150_000).parallel).toBe(true);
  });
});

describe('defaultComponentWorkers', () => {
  it('uses only the cores the machine has to spare besides this thread', () => {
    expect(defaultComponentWorkers(2, 0.1)).toBe(1);
    expect(defaultComponentWorkers(2, 0.8)).toBe(0);
    expect(defaultComponentWorkers(2, 6)).toBe(0);
    expect(defaultComponentWorkers(8, 2.2)).toBe(5);
    expect(defaultComponentWorkers(1, 0)).toBe(0);
  });
});

describe('parallel and sequential solves', () => {
  it('give identical solutions on random batches (flow and one-to-one)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryBatch(12, 8), fc.constantFrom('flow' as const, 'one-to-one' as const), async (b, mode) => {
        const { model } = prepareModel(b, defaultWeightProfile, { ...defaultMatchOptions, mode });
        const parallel = await solveComponentsParallel(model, pool, { minOffloadArcs: 0 });
        expect(parallel).toEqual(solveComponents(model));
      }),
      { numRuns: 40, seed: 22 },
    );
  });

  it('give identical runs on a batch of many components, and report every component solved', async () => {
    const b = townsBatch(9, 40, 12);
    const { model } = prepareModel(b, defaultWeightProfile, defaultMatchOptions);
    expect(model.components.length).toBe(9);
    const progress: SolveProgress[] = [];
    const parallel = await solveComponentsParallel(model, pool, { minOffloadArcs: 0, onProgress: (p) => progress.push(p) });
    expect(parallel).toEqual(solveComponents(model));
    expect(progress).toHaveLength(9);
    expect(progress.at(-1)).toMatchObject({ components: 9, totalComponents: 9 });
    expect(progress.at(-1)!.arcs).toBe(progress.at(-1)!.totalArcs);

    const sequentialRun = runMatching(b, defaultWeightProfile, {}, () => 0);
    const parallelRun = await runMatchingParallel(b, defaultWeightProfile, {}, () => 0, pool);
    expect(withoutTimings(parallelRun)).toEqual(withoutTimings(sequentialRun));
  });

  it('give identical runs on the Changzhou sample, with previous pairings, locks and forbidden pairs', async () => {
    const b = loadBatchOrThrow(readFileSync('data/sample-changzhou.json', 'utf8'));
    const first = runMatching(b, defaultWeightProfile, {}, () => 0);
    const locked = first.pairings.slice(0, 3).map((p) => ({ need: p.need, offer: p.offer, amount: p.amount }));
    const forbidden = first.pairings.slice(3, 6).map((p) => ({ need: p.need, offer: p.offer }));
    const previous = first.pairings.map((p) => ({ need: p.need, offer: p.offer, amount: p.amount }));
    for (const options of [{}, { mode: 'one-to-one' as const }, { locked, forbidden, previous }]) {
      const sequential = runMatching(b, defaultWeightProfile, options, () => 0);
      // Force the workers in, whatever the crossover says: the point is the equality.
      const { model } = prepareModel(b, defaultWeightProfile, { ...defaultMatchOptions, ...options });
      expect(await solveComponentsParallel(model, pool, { minOffloadArcs: 0 })).toEqual(solveComponents(model));
      const parallel = await runMatchingParallel(b, defaultWeightProfile, options, () => 0, pool);
      expect(withoutTimings(parallel)).toEqual(withoutTimings(sequential));
    }
  });

  it('passes a solver failure on a worker back as an error', async () => {
    const broken = { nodeCount: 2, arcCount: 1, tail: Int32Array.of(0), head: Int32Array.of(1), capacity: Float64Array.of(1.5), cost: Float64Array.of(-1), supply: new Float64Array(2) };
    await expect(pool.solveOn(0, [{ label: 7, network: broken }])).rejects.toThrow(/solver\/min-cost-flow/);
  });
});
