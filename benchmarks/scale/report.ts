/**
 * The scale benchmark's tables (markdown) and growth plot (SVG) from its stored results.
 */
import type { CapacityRow, SolverRow } from './solver-part.js';
import type { PipelineRow } from './pipeline-part.js';
import { chartsSvg } from './svg-chart.js';

export interface CrossoverRow {
  readonly step: number;
  readonly components: number;
  readonly arcs: number;
  readonly offloadArcs: number;
  readonly sequentialMs: number;
  readonly parallelMs: number;
}

/** What one part measured, with when and under what load. */
export interface PartResult<T> {
  readonly measured: string;
  readonly command: string;
  readonly load: string;
  readonly rows: readonly T[];
}

export interface ScaleResults {
  solver?: PartResult<SolverRow>;
  capacities?: PartResult<CapacityRow>;
  pipeline?: PartResult<PipelineRow>;
  crossover?: PartResult<CrossoverRow>;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)}`);
const sec = (v: number | null | undefined, digits = 3) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
const int = (v: number) => v.toLocaleString('en-US');
const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const about = (p: PartResult<unknown>) => `Measured ${p.measured} with \`${p.command}\`; load average ${p.load}.`;

function solverTable(p: PartResult<SolverRow>): string {
  return [
    about(p),
    '',
    table(
      ['family', 'edges', 'ours s (median)', 'LEMON s (median)', 'ours / LEMON', 'build s, ours / LEMON', '(build + solve), ours / LEMON', 'HiGHS s', 'objective', 'same objective (LEMON, HiGHS)', 'ours peak RSS MiB'],
      p.rows.map((r) => [
        r.family,
        int(r.edges),
        sec(r.oursSeconds),
        sec(r.lemonSeconds, 4),
        `${r.ratio.toFixed(1)}×`,
        `${sec(r.oursBuildSeconds)} / ${sec(r.lemonBuildSeconds)}`,
        r.oursBuildSeconds === undefined || r.lemonBuildSeconds === undefined ? '—' : `${((r.oursSeconds + r.oursBuildSeconds) / (r.lemonSeconds + r.lemonBuildSeconds)).toFixed(1)}×`,
        r.highs.seconds === null ? r.highs.status : sec(r.highs.seconds, 2),
        r.objective === null ? '—' : r.objective.toFixed(2),
        `${r.agrees ? 'yes' : 'NO'} (${r.lemonObjective?.toFixed(2) ?? '—'}, ${r.highs.objective?.toFixed(2) ?? '—'})`,
        r.oursPeakMiB.toFixed(0),
      ]),
    ),
  ].join('\n');
}

function capacityTable(p: PartResult<CapacityRow>): string {
  return [
    about(p),
    '',
    table(
      ['family', 'factor', 'ours s', `ours s, quantities × factor`, 'LEMON s', 'LEMON s, × factor', 'optimum scaled by the factor', 'LEMON agrees'],
      p.rows.map((r) => [
        r.family,
        `10^${Math.log10(r.factor)}`,
        sec(r.oursSeconds),
        sec(r.oursScaledSeconds),
        sec(r.lemonSeconds, 4),
        sec(r.lemonScaledSeconds, 4),
        Math.abs(r.objectiveRatio - 1) < 1e-9 ? 'yes' : `NO (${r.objectiveRatio})`,
        r.lemonAgrees ? 'yes' : 'NO',
      ]),
    ),
  ].join('\n');
}

function pipelineTable(p: PartResult<PipelineRow>): string {
  const stage = (r: PipelineRow, s: string) => ms(r.stages[s]);
  return [
    about(p),
    '',
    table(
      ['size', 'needs', 'offers', 'batch MB', 'candidate edges', 'components (largest arcs)', 'intake ms', 'candidates ms', 'scoring ms', 'model ms', 'solve ms', 'results ms', 'end to end s (median; runs)', 'process s', 'CPU s', 'peak RSS MiB', 'load at start'],
      p.rows.map((r) => [
        r.name,
        int(r.needs),
        int(r.offers),
        r.batchMB.toFixed(1),
        int(r.candidates),
        `${r.components} (${int(r.largestComponentArcs)})`,
        stage(r, 'intake'),
        stage(r, 'candidates'),
        stage(r, 'scoring'),
        stage(r, 'model'),
        stage(r, 'solve'),
        stage(r, 'results'),
        `${((r.stages['end_to_end'] ?? Number.NaN) / 1000).toFixed(2)} (${r.endToEndRuns.map((v) => (v / 1000).toFixed(2)).join(', ')})`,
        r.processSeconds.toFixed(2),
        r.cpuSeconds.toFixed(2),
        r.peakRssMiB.toFixed(0),
        (r.loads ?? []).map((l) => l.toFixed(1)).join(', '),
      ]),
    ),
  ].join('\n');
}

function crossoverTable(p: PartResult<CrossoverRow>): string {
  return [
    about(p),
    '',
    table(
      ['twin batch (every n-th need and offer of the city)', 'components', 'arcs', 'arcs given to the worker', 'one thread ms', 'with one worker ms', 'worker / one thread'],
      p.rows.map((r) => [`1/${r.step}`, String(r.components), int(r.arcs), int(r.offloadArcs), ms(r.sequentialMs), ms(r.parallelMs), (r.parallelMs / r.sequentialMs).toFixed(2)]),
    ),
  ].join('\n');
}

/** The markdown of the Scale section. */
export function scaleMarkdown(results: ScaleResults): string {
  const parts: string[] = ['## Scale', ''];
  parts.push(
    'Province-scale runs on this 2-core machine (shared with other work: load averages are given; wall times carry that noise). `benchmarks/scale-bench.ts` builds the CLI (`tsc -p src --outDir benchmarks/out/scale/dist`) and the LEMON peer (`benchmarks/peers/lemon/transport-lemon.cpp`, g++ -O2 against Debian\'s liblemon-dev, NetworkSimplex with its default block-search pivots on the same circulation our solver builds), and runs every measurement in a fresh process. Raw numbers: `benchmarks/scale-results.json`; plot: `benchmarks/scale-growth.svg`.',
    '',
  );
  if (results.pipeline) {
    parts.push('### Pipeline end to end, by batch size', '');
    parts.push('Each run is `node benchmarks/out/scale/dist/cli/main.js solve BATCH --out RESULT --progress off`. Stage columns are medians of the run\'s own timings; "end to end" is reading the batch file to the finished result in the process (generation excluded, writing the result file excluded); "process" is the whole process from start to exit, Node start-up and writing the result file included. Peak RSS is the process\'s (worker threads included). `province/k` batches are the province generator with 1/k of its communities, needs and offers on the same geography.', '');
    parts.push(pipelineTable(results.pipeline), '', '![time and memory by batch size](scale-growth.svg)', '');
  }
  if (results.solver) {
    parts.push('### `solve-model` against LEMON and HiGHS', '');
    parts.push('Models from `node /work/shared/perf/gen.mjs --family F --seed 1 --out F.json --bin F.tbin`. "ours" is `jiedui solve-model F.tbin` (its `seconds`: the network simplex on the built network, compiling the 5 KB WebAssembly core at start-up excluded), "LEMON" the peer on the same file (`seconds`: `NetworkSimplex::run` alone). Both programs also report `seconds_build`, turning the parsed model into the network (weights to integer costs, arcs): shown in its own column and in the (build + solve) ratio; each in a fresh process, alternating, median of the runs. HiGHS (`highs` npm, wasm) solves the model as an LP once, where it fits in memory and time (`benchmarks/scale/highs-transport.ts`).', '');
    parts.push(solverTable(results.solver), '');
  }
  if (results.capacities) {
    parts.push('### Large capacities', '');
    parts.push('The same models with every quantity (capacities, demands, edge caps) multiplied by 10^4, as quantities in 100-yuan units would be: the optimum must scale by exactly the factor, and the solve time must not grow (network simplex pivots do not depend on the numbers).', '');
    parts.push(capacityTable(results.capacities), '');
  }
  if (results.crossover) {
    parts.push('### When solving components on a worker thread pays', '');
    parts.push('Twin batches (a subsample of the city batch and a copy of it far away, so every component comes twice) solved in fresh processes of the built code, cold as in a CLI run: on one thread, and on this thread plus one worker started for the solve (components in longest-first lanes, the largest kept on the calling thread).', '');
    parts.push(crossoverTable(results.crossover), '');
  }
  return parts.join('\n');
}

/** The growth plot: pipeline time and memory by needs, and solve-model against LEMON by edges. */
export function growthSvg(results: ScaleResults): string {
  const rows = results.pipeline?.rows ?? [];
  const solver = results.solver?.rows ?? [];
  const charts = [
    {
      title: 'Pipeline time by batch size',
      xLabel: 'needs in the batch',
      yLabel: 'seconds',
      series: [
        { name: 'end to end (in process)', color: '#1f77b4', points: rows.map((r) => [r.needs, (r.stages['end_to_end'] ?? 0) / 1000] as const) },
        { name: 'process (start-up, writing)', color: '#9467bd', dashed: true, points: rows.map((r) => [r.needs, r.processSeconds] as const) },
        { name: 'solve stage', color: '#ff7f0e', points: rows.map((r) => [r.needs, (r.stages['solve'] ?? 0) / 1000] as const) },
        { name: 'candidates + scoring + model', color: '#2ca02c', points: rows.map((r) => [r.needs, ((r.stages['candidates'] ?? 0) + (r.stages['scoring'] ?? 0) + (r.stages['model'] ?? 0)) / 1000] as const) },
      ],
      targets: [
        { y: 30, label: 'province target 30 s' },
        { y: 2, label: 'city target 2 s' },
      ],
    },
    {
      title: 'Peak memory by batch size',
      xLabel: 'needs in the batch',
      yLabel: 'peak RSS, MiB',
      series: [{ name: 'jiedui solve (process)', color: '#d62728', points: rows.map((r) => [r.needs, r.peakRssMiB] as const) }],
      targets: [{ y: 6144, label: 'target 6 GiB' }],
    },
    {
      title: 'solve-model: ours and LEMON',
      xLabel: 'edges in the model',
      yLabel: 'solve seconds',
      series: [
        { name: 'ours (solve-model)', color: '#1f77b4', points: solver.map((r) => [r.edges, r.oursSeconds] as const) },
        { name: 'LEMON NetworkSimplex', color: '#7f7f7f', points: solver.map((r) => [r.edges, r.lemonSeconds] as const) },
      ],
    },
  ].filter((c) => c.series.some((s) => s.points.length > 0));
  const when = [results.pipeline?.measured, results.solver?.measured].filter(Boolean).join(', ');
  return chartsSvg(charts, `benchmarks/scale-bench.ts, measured ${when} on a shared 2-core machine; log-log axes.`);
}
