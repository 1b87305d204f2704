/**
 * One measurement of where solving components on a worker thread starts to pay: a twin batch (every
 * `step`-th need and offer of a batch, and a far-away copy of that, so every component comes twice)
 * solved in a fresh process, either on this thread alone (`seq`) or on this thread plus one worker
 * started for the solve (`par`), both with cold code, as a CLI run is. Runs the compiled code
 * (`tsc -p src --outDir DIST`), so the worker starts as it does after `npm run build`.
 *
 *   node --import tsx benchmarks/scale/crossover-run.ts DIST BATCH.json STEP seq|par
 *
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [dist, batchPath, stepArg, mode] = process.argv.slice(2);
if (!dist || !batchPath || !stepArg || (mode !== 'seq' && mode !== 'par')) throw new Error('usage: crossover-run.ts DIST BATCH.json STEP seq|par');
const step = Number(stepArg);
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(`${dist}/${path}`).href)) as T;

type AnyRecord = Record<string, unknown> & { id: string };
interface RawBatch {
  communities: AnyRecord[];
  needs: AnyRecord[];
  offers: AnyRecord[];
}

/** Every `step`-th need and offer of a batch, and a copy of it 3 degrees north with its own ids. */
function twin(batch: RawBatch, step: number): RawBatch {
  const needs = batch.needs.filter((_, i) => i % step === 0);
  const offers = batch.offers.filter((_, i) => i % step === 0);
  const north = (loc: unknown) => (loc && typeof loc === 'object' ? { ...(loc as object), lat: (loc as { lat: number }).lat + 3 } : loc);
  const copy = (r: AnyRecord): AnyRecord => ({ ...r, id: `${r.id}-b` });
  return {
    communities: [...batch.communities, ...batch.communities.map((c) => ({ ...copy(c), location: north(c['location']) }))],
    needs: [...needs, ...needs.map((n) => ({ ...copy(n), community: `${n['community']}-b` }))],
    offers: [
      ...offers,
      ...offers.map((o) => {
        const moved = { ...copy(o), preferredCommunities: [], excludedCommunities: [] } as AnyRecord;
        if (o['location']) moved['location'] = north(o['location']);
        return moved;
      }),
    ],
  };
}

const { validateBatchOrThrow } = await load<typeof import('../../src/intake/load-batch.js')>('intake/load-batch.js');
const { prepareModel } = await load<typeof import('../../src/match/run-matching.js')>('match/run-matching.js');
const { solveComponents } = await load<typeof import('../../src/match/solve/solve-components.js')>('match/solve/solve-components.js');
const { solveComponentsParallel, planModelSolve } = await load<typeof import('../../src/match/parallel/solve-components-parallel.js')>('match/parallel/solve-components-parallel.js');
const { createComponentPool } = await load<typeof import('../../src/jobs/component-pool.js')>('jobs/component-pool.js');
const { defaultWeightProfile } = await load<typeof import('../../src/domain/weights.js')>('domain/weights.js');
const { defaultMatchOptions } = await load<typeof import('../../src/match/types.js')>('match/types.js');

const raw = JSON.parse(readFileSync(batchPath, 'utf8')) as RawBatch;
const batch = validateBatchOrThrow({ ...raw, ...twin(raw, step), previousPairings: [] });
const { model } = prepareModel(batch, defaultWeightProfile, defaultMatchOptions);
const arcs = model.components.reduce((s, c) => s + c.network.arcCount, 0);
const pool = createComponentPool(1);
const started = performance.now();
if (mode === 'seq') solveComponents(model);
else await solveComponentsParallel(model, pool, { minOffloadArcs: 0 });
const ms = performance.now() - started;
await pool.close();
const plan = planModelSolve(model, 1, 0);
process.stdout.write(`${JSON.stringify({ step, mode, components: model.components.length, arcs, offloadArcs: plan.offloadArcs, solveMs: ms })}\n`);
