/**
 * Scale benchmark (issue 5): the whole pipeline from the Changzhou pilot to the province, and our
 * `solve-model` side by side with LEMON's network simplex (C++) and HiGHS.
 *
 *   node --import tsx benchmarks/scale-bench.ts [--parts pipeline,solver,capacities,crossover]
 *        [--runs 3] [--province-runs 3] [--sizes changzhou,city,...] [--families changzhou,...]
 *        [--highs-max-edges 1100000] [--quiet-load 1.5] [--write]
 *
 * Everything runs in fresh processes of the built code (tsc -p src --outDir benchmarks/out/scale/dist)
 * so peak memory is per run and nothing is JIT-warm that a user's run would not be. Results are
 * merged into benchmarks/scale-results.json part by part; the plot benchmarks/scale-growth.svg is
 * redrawn from them, and `--write` replaces the Scale section of benchmarks/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildLemonPeer } from './scale/lemon-peer.js';
import { capacityRow, solverRow, type SolverContext } from './scale/solver-part.js';
import { pipelineRow } from './scale/pipeline-part.js';
import { BATCH_SIZES, batchFile } from './scale/batches.js';
import { measureProcess, median, waitForQuiet } from './scale/measure-process.js';
import { growthSvg, scaleMarkdown, type CrossoverRow, type PartResult, type ScaleResults } from './scale/report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}benchmarks/out/scale`;
const dist = `${outDir}/dist`;
const resultsFile = `${root}benchmarks/scale-results.json`;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const parts = arg('parts', 'pipeline,solver,capacities,crossover').split(',');
const runs = Number(arg('runs', '3'));
const provinceRuns = Number(arg('province-runs', String(runs)));
/** `--quiet-load L`: before each pipeline run and crossover pair, wait (up to 2 min) for the 1-minute load average to fall below L. */
const quietLoad = Number(arg('quiet-load', '0'));
const log = (line: string) => process.stderr.write(`scale-bench: ${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
const command = `node --import tsx benchmarks/scale-bench.ts ${process.argv.slice(2).join(' ')}`.trim();

function measuredPart<T>(rows: T[], loadBefore: string): PartResult<T> {
  return { measured: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', command, load: `${loadBefore} before, ${load()} after (1/5/15 min)`, rows };
}

mkdirSync(outDir, { recursive: true });
log('building the CLI into benchmarks/out/scale/dist');
try {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'src', '--outDir', dist], { cwd: root, stdio: 'ignore' });
} catch {
  // tsc reports type errors (possibly in files other work is changing) but still emits.
}
if (!existsSync(`${dist}/cli/main.js`)) throw new Error('bench: the build did not produce cli/main.js');
// The network simplex core (WebAssembly) goes next to the compiled JavaScript that loads it.
execFileSync(process.execPath, [`${root}src/solver/min-cost-flow/assembly/build.mjs`, '--out', dist], { cwd: root, stdio: 'inherit' });
// The build reads ../package.json next to its folder (as dist/ does in the repository).
copyFileSync(`${root}package.json`, `${outDir}/package.json`);
const results: ScaleResults = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as ScaleResults) : {};
const save = () => writeFileSync(resultsFile, `${JSON.stringify(results, null, 1)}\n`);

if (parts.includes('pipeline')) {
  const before = load();
  const wanted = arg('sizes', BATCH_SIZES.map((s) => s.name).join(',')).split(',');
  const rows = BATCH_SIZES.filter((s) => wanted.includes(s.name)).map((size) => {
    log(`pipeline: ${size.name}`);
    return pipelineRow({ root, outDir, dist, log, quietLoad }, size, size.name === 'province' ? provinceRuns : runs);
  });
  results.pipeline = measuredPart(rows, before);
  save();
}

if (parts.includes('solver') || parts.includes('capacities')) {
  const lemon = buildLemonPeer(root.replace(/\/$/, ''), log);
  const ctx: SolverContext = { root, outDir, dist, lemon, runs, log };
  if (parts.includes('solver')) {
    const before = load();
    const families = arg('families', 'changzhou,city,assign-1000,assign-2000,province').split(',');
    const highsMaxEdges = Number(arg('highs-max-edges', '1100000'));
    results.solver = measuredPart(
      families.map((f) => {
        log(`solver: ${f}`);
        return solverRow(ctx, f, highsMaxEdges);
      }),
      before,
    );
    save();
  }
  if (parts.includes('capacities')) {
    const before = load();
    results.capacities = measuredPart(
      ['changzhou', 'city', 'assign-1000'].map((f) => {
        log(`capacities: ${f}`);
        return capacityRow(ctx, f, 10_000);
      }),
      before,
    );
    save();
  }
}

if (parts.includes('crossover')) {
  const before = load();
  const city = batchFile(outDir, BATCH_SIZES.find((s) => s.name === 'city')!);
  const rows: CrossoverRow[] = [32, 16, 8, 4, 2, 1].map((step) => {
    const one = (mode: 'seq' | 'par') => {
      const run = measureProcess(process.execPath, ['--import', 'tsx', 'benchmarks/scale/crossover-run.ts', dist, city.path, String(step), mode], { cwd: root, timeoutSeconds: 600 });
      if (run.status !== 0) throw new Error(`bench: crossover run failed: ${run.stderr.slice(0, 1000)}`);
      return JSON.parse(run.stdout.trim()) as { components: number; arcs: number; offloadArcs: number; solveMs: number };
    };
    const seq: number[] = [];
    const par: number[] = [];
    if (quietLoad > 0) waitForQuiet(quietLoad, 120);
    let last = one('seq');
    for (let r = 0; r < runs; r++) {
      if (r > 0) {
        if (quietLoad > 0) waitForQuiet(quietLoad, 120);
        last = one('seq');
      }
      seq.push(last.solveMs);
      par.push(one('par').solveMs);
    }
    log(`crossover 1/${step}: ${last.arcs} arcs, one thread ${median(seq).toFixed(0)} ms, with a worker ${median(par).toFixed(0)} ms`);
    return { step, components: last.components, arcs: last.arcs, offloadArcs: last.offloadArcs, sequentialMs: median(seq), parallelMs: median(par) };
  });
  results.crossover = measuredPart(rows, before);
  save();
}

writeFileSync(`${root}benchmarks/scale-growth.svg`, growthSvg(results));
const markdown = scaleMarkdown(results);
console.log(markdown);
if (process.argv.includes('--write')) {
  const file = `${root}benchmarks/RESULTS.md`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const section = `<!-- scale-bench:start -->\n${markdown}\n<!-- scale-bench:end -->`;
  const re = /<!-- scale-bench:start -->[\s\S]*<!-- scale-bench:end -->/;
  writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}
