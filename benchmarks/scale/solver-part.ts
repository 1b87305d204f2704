/**
 * Part of the scale benchmark: `jiedui solve-model` on the transport/v1 instances of every
 * family, side by side with the LEMON peer (and HiGHS where it finishes), each in fresh
 * processes; and the large-capacity check (every quantity × 10^4).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { measureProcess, median, type MeasuredRun } from './measure-process.js';
import { writeScaledCapacities } from './scale-capacities.js';

export interface SolverRow {
  readonly family: string;
  readonly edges: number;
  readonly oursSeconds: number;
  readonly oursRuns: number[];
  readonly oursPeakMiB: number;
  readonly lemonSeconds: number;
  readonly lemonRuns: number[];
  readonly ratio: number;
  /** Medians of each side's `seconds_build` (weights → integer costs, network construction). */
  readonly oursBuildSeconds?: number;
  readonly lemonBuildSeconds?: number;
  readonly objective: number | null;
  readonly lemonObjective: number | null;
  readonly highs: { readonly seconds: number | null; readonly objective: number | null; readonly status: string };
  readonly agrees: boolean;
}

export interface CapacityRow {
  readonly family: string;
  readonly factor: number;
  readonly oursSeconds: number;
  readonly oursScaledSeconds: number;
  readonly lemonSeconds: number;
  readonly lemonScaledSeconds: number;
  /** Scaled objective / (factor × objective): 1 when the optimum scaled as it must. */
  readonly objectiveRatio: number;
  readonly lemonAgrees: boolean;
}

export interface SolverContext {
  readonly root: string;
  readonly outDir: string;
  readonly dist: string;
  readonly lemon: string;
  readonly runs: number;
  readonly log: (line: string) => void;
}

/** The model files of a gen.mjs family (generated once). */
export function instance(ctx: SolverContext, family: string): { json: string; tbin: string } {
  const json = `${ctx.outDir}/${family}-s1.json`;
  const tbin = `${ctx.outDir}/${family}-s1.tbin`;
  if (!existsSync(json) || !existsSync(tbin)) {
    ctx.log(`generating ${family} with gen.mjs`);
    execFileSync(process.execPath, ['/work/shared/perf/gen.mjs', '--family', family, '--seed', '1', '--out', json, '--bin', tbin], { stdio: 'inherit' });
  }
  return { json, tbin };
}

type SolverLine = { objective: number | null; seconds: number; seconds_build?: number; status: string; edges?: number };

function solverLine(run: MeasuredRun, what: string): SolverLine {
  if (run.timedOut) return { objective: null, seconds: Number.NaN, status: 'timed out' };
  if (run.status !== 0) return { objective: null, seconds: Number.NaN, status: `failed: ${run.stderr.trim().split('\n').at(-1) ?? what}` };
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as SolverLine;
}

function ours(ctx: SolverContext, model: string): { line: SolverLine; run: MeasuredRun } {
  const run = measureProcess(process.execPath, ['--max-old-space-size=12000', `${ctx.dist}/cli/main.js`, 'solve-model', model], { cwd: ctx.root, timeoutSeconds: 900 });
  return { line: solverLine(run, 'solve-model'), run };
}

function lemon(ctx: SolverContext, model: string): SolverLine {
  return solverLine(measureProcess(ctx.lemon, [model], { cwd: ctx.root, timeoutSeconds: 900 }), 'lemon');
}

const agree = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

/** Ours and LEMON `runs` times each, alternating, on the .tbin; HiGHS once on the JSON where the model is small enough. */
export function solverRow(ctx: SolverContext, family: string, highsMaxEdges: number): SolverRow {
  const { json, tbin } = instance(ctx, family);
  const oursRuns: number[] = [];
  const lemonRuns: number[] = [];
  const oursBuild: number[] = [];
  const lemonBuild: number[] = [];
  let objective: number | null = null;
  let lemonObjective: number | null = null;
  let edges = 0;
  let peak = 0;
  for (let r = 0; r < ctx.runs; r++) {
    const o = ours(ctx, tbin);
    oursRuns.push(o.line.seconds);
    oursBuild.push(o.line.seconds_build ?? Number.NaN);
    objective = o.line.objective;
    edges = o.line.edges ?? edges;
    peak = Math.max(peak, o.run.peakRssMiB);
    const l = lemon(ctx, tbin);
    lemonRuns.push(l.seconds);
    lemonBuild.push(l.seconds_build ?? Number.NaN);
    lemonObjective = l.objective;
  }
  let highs: SolverRow['highs'] = { seconds: null, objective: null, status: `not run (more than ${highsMaxEdges.toLocaleString('en-US')} edges)` };
  if (edges <= highsMaxEdges) {
    ctx.log(`${family}: HiGHS`);
    const h = solverLine(measureProcess(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', 'benchmarks/scale/highs-transport.ts', json], { cwd: ctx.root, timeoutSeconds: 600 }), 'highs');
    highs = { seconds: Number.isNaN(h.seconds) ? null : h.seconds, objective: h.objective, status: h.status };
  }
  const oursSeconds = median(oursRuns);
  const lemonSeconds = median(lemonRuns);
  const agrees = agree(objective, lemonObjective) && (highs.objective === null || agree(objective, highs.objective));
  const oursBuildSeconds = median(oursBuild);
  const lemonBuildSeconds = median(lemonBuild);
  return { family, edges, oursSeconds, oursRuns, oursPeakMiB: peak, lemonSeconds, lemonRuns, ratio: oursSeconds / lemonSeconds, oursBuildSeconds, lemonBuildSeconds, objective, lemonObjective, highs, agrees };
}

/** The same model with every quantity × factor: solve times side by side, and the optimum × factor. */
export function capacityRow(ctx: SolverContext, family: string, factor: number): CapacityRow {
  const { tbin } = instance(ctx, family);
  const scaled = `${ctx.outDir}/${family}-s1-cap${factor}.tbin`;
  if (!existsSync(scaled)) writeScaledCapacities(tbin, scaled, factor);
  const times = { ours: [] as number[], oursScaled: [] as number[], lemon: [] as number[], lemonScaled: [] as number[] };
  let base: number | null = null;
  let big: number | null = null;
  let lemonBig: number | null = null;
  for (let r = 0; r < ctx.runs; r++) {
    const a = ours(ctx, tbin).line;
    const b = ours(ctx, scaled).line;
    times.ours.push(a.seconds);
    times.oursScaled.push(b.seconds);
    base = a.objective;
    big = b.objective;
    times.lemon.push(lemon(ctx, tbin).seconds);
    const l = lemon(ctx, scaled);
    times.lemonScaled.push(l.seconds);
    lemonBig = l.objective;
  }
  return {
    family,
    factor,
    oursSeconds: median(times.ours),
    oursScaledSeconds: median(times.oursScaled),
    lemonSeconds: median(times.lemon),
    lemonScaledSeconds: median(times.lemonScaled),
    objectiveRatio: base !== null && big !== null ? big / (factor * base) : Number.NaN,
    lemonAgrees: agree(big, lemonBig),
  };
}
