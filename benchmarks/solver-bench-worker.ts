/**
 * One measurement of the solver benchmark, run in its own process so that its peak RSS and its
 * failures are its own: `node --import tsx benchmarks/solver-bench-worker.ts MODE MODEL [RUNS]`,
 * MODE = ours | highs | jslp | variants. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  readTransportModel,
  solveTransport,
  solveTransportWithJsLp,
  splitTransportComponents,
  transportModelToLp,
  type TransportModel,
  type TransportSolveOptions,
} from '../src/solver/transport/index.js';

const [mode, path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU time of `runs` calls (the first, cold one reported apart). */
function timeRuns<T>(count: number, run: () => T): { first: number; wall: number; cpu: number; result: T } {
  let result = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  const t0 = performance.now();
  result = run();
  const first = performance.now() - t0;
  for (let i = 0; i < count; i++) {
    const w = performance.now();
    const c = cpuMs();
    result = run();
    cpu.push(cpuMs() - c);
    wall.push(performance.now() - w);
  }
  return { first, wall: median(wall), cpu: median(cpu), result };
}

function load(file: string): TransportModel {
  return readTransportModel(readFileSync(file));
}

function ours(file: string): Record<string, unknown> {
  const parseJson = timeRuns(Math.min(runs, 3), () => load(file));
  const bin = file.replace(/\.json$/, '.tbin');
  const parseBin = timeRuns(Math.min(runs, 3), () => load(bin));
  const model = parseJson.result;
  // The very first solve in a fresh process (JIT cold) is what a one-shot CLI run sees.
  const c0 = performance.now();
  solveTransport(model, { certify: false });
  const cold = performance.now() - c0;
  const solve = timeRuns(runs, () => solveTransport(model, { certify: false }));
  const certified = solveTransport(model, { certify: true, clock: () => performance.now() });
  if (certified.status !== 'optimal') throw new Error(`bench: ${certified.status}`);
  const parts = splitTransportComponents(model).map((part) => part.model);
  const whole = timeRuns(runs, () => solveTransport(model, { certify: false, splitAboveEdges: Number.POSITIVE_INFINITY }));
  const split = timeRuns(runs, () => solveTransport(model, { certify: false, splitAboveEdges: 0 }));
  return {
    offers: model.offerIds.length,
    needs: model.needIds.length,
    edges: model.edgeOffer.length,
    parse_json_ms: parseJson.wall,
    parse_bin_ms: parseBin.wall,
    solve_cold_ms: cold,
    solve_ms: solve.wall,
    solve_cpu_ms: solve.cpu,
    certify_ms: (certified.timings?.certifySeconds ?? 0) * 1000,
    certificate_ok: certified.certificate?.ok,
    certificate_gap: certified.certificate?.gap,
    iterations: certified.iterations,
    objective: certified.objective,
    components: parts.length,
    largest_component_edges: Math.max(0, ...parts.map((p) => p.edgeOffer.length)),
    whole_ms: whole.wall,
    whole_cpu_ms: whole.cpu,
    split_ms: split.wall,
    split_cpu_ms: split.cpu,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * Pricing and formulation variants on the same model. Every variant is warmed up first and the
 * measured runs go round-robin, so no variant profits from running later (JIT) or suffers from a
 * burst of load on the shared machine.
 */
function variants(file: string): Record<string, unknown> {
  const model = load(file);
  const large = model.edgeOffer.length > 100_000;
  const configs: Array<[string, Partial<TransportSolveOptions>]> = [
    ['default (block search, 3 candidate arcs/node, circulation)', {}],
    ['block search over all arcs (no candidate set)', { flow: { candidateArcsPerNode: 0 } }],
    ['block search, LEMON block size sqrt(arcs), all arcs', { flow: { candidateArcsPerNode: 0, blockSize: Math.max(10, Math.round(Math.sqrt(model.edgeOffer.length))) } }],
    ['source/sink supplies with bypass arc', { formulation: 'bypass' }],
    ...(large ? [] : [['first eligible arc', { flow: { pivotRule: 'first-eligible' } }] as [string, Partial<TransportSolveOptions>]]),
  ];
  const wall = configs.map(() => [] as number[]);
  const cpu = configs.map(() => [] as number[]);
  const last = configs.map(([, options]) => solveTransport(model, { certify: false, ...options }));
  for (let i = 0; i < runs; i++) {
    configs.forEach(([, options], k) => {
      const w = performance.now();
      const c = cpuMs();
      last[k] = solveTransport(model, { certify: false, ...options });
      cpu[k]!.push(cpuMs() - c);
      wall[k]!.push(performance.now() - w);
    });
  }
  const out: Record<string, unknown> = {};
  configs.forEach(([name], k) => {
    const r = last[k]!;
    out[name] = { ms: median(wall[k]!), cpu_ms: median(cpu[k]!), iterations: r.iterations, objective: r.status === 'optimal' ? r.objective : null };
  });
  return out;
}

async function highs(file: string): Promise<Record<string, unknown>> {
  const lp = transportModelToLp(load(file));
  const mod = (await import('highs')) as unknown as { default: unknown };
  const loader = ((mod.default as { default?: unknown }).default ?? mod.default) as () => Promise<{ solve(lp: string): { Status: string; ObjectiveValue: number } }>;
  const solver = await loader();
  const times: number[] = [];
  let solution = { Status: 'none', ObjectiveValue: Number.NaN };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    solution = solver.solve(lp);
    times.push(performance.now() - t0);
  }
  return { solve_ms: median(times), status: solution.Status, objective: solution.ObjectiveValue, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
}

function jslp(file: string): Record<string, unknown> {
  const model = load(file);
  const t0 = performance.now();
  const outcome = solveTransportWithJsLp(model, Number.POSITIVE_INFINITY);
  return {
    solve_ms: performance.now() - t0,
    status: outcome.status,
    objective: outcome.status === 'optimal' ? outcome.objective : null,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

const modes: Record<string, (file: string) => Record<string, unknown> | Promise<Record<string, unknown>>> = { ours, variants, highs, jslp };
const measure = modes[mode ?? ''];
if (!measure || !path) {
  process.stderr.write('usage: solver-bench-worker.ts ours|variants|highs|jslp MODEL.json [RUNS]\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await measure(path))}\n`);
