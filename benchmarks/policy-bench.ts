/**
 * Policy-rules benchmark.
 *
 *  1. The Changzhou sample with every rule on (bundles added: one funds and one talent need of
 *     each of 20 communities form a bundle): the pipeline's time, objective, proven bound and gap.
 *  2. The same model as one MIP (what match/policy builds for an exact solve), exported in CPLEX LP
 *     format to benchmarks/out/policy-changzhou.lp and solved by HiGHS alone, side by side.
 *  3. The exact-solver choice: MIPs of growing regions of the sample (its first k communities,
 *     all rules) solved by javascript-lp-solver and by HiGHS, and by our flow core without a MIP.
 *
 *   node --import tsx benchmarks/policy-bench.ts [--runs 5] [--highs-limit 600] [--write]
 *
 * `--write` replaces the "Policy rules" section of benchmarks/RESULTS.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import jsLpDefault from 'javascript-lp-solver';
import type { SolverAPI } from 'javascript-lp-solver';
import { loadBatchOrThrow } from '../src/intake/index.js';
import { defaultWeightProfile } from '../src/domain/weights.js';
import type { Batch } from '../src/domain/batch-schema.js';
import { prepareModel, runMatching } from '../src/match/run-matching.js';
import { defaultMatchOptions } from '../src/match/types.js';
import { parsePolicyOptions, type PolicyOptionsInput } from '../src/match/policy/options.js';
import { prepareRules } from '../src/match/policy/prepare-rules.js';
import { buildMip } from '../src/match/policy/mip-builder.js';
import type { MipProblem } from '../src/match/policy/solver-ports.js';
import { solveWithHighs } from '../src/solver/lp/highs-mip.js';
import { highs } from '../src/solver/lp/highs-runtime.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = flag('--runs', 5);
const HIGHS_LIMIT = flag('--highs-limit', 600);
const WRITE = args.includes('--write');

/** Every rule on; caps at about 60% of each district's funds demand so that they bind. */
export const ALL_RULES: PolicyOptionsInput = {
  allOrNothing: true,
  minAllocation: true,
  maxPairings: true,
  coverageFloor: { needsMet: 1 },
  budgets: {
    districts: { 天宁区: 700000, 钟楼区: 450000, 新北区: 1000000, 武进区: 1000000, 金坛区: 240000, 溧阳市: 330000, 经开区: 950000 },
    programmes: [{ id: 'enterprise-fund', max: 2500000, providerKinds: ['enterprise'] }],
  },
  bundles: true,
  onePerOrganisation: { by: 'community' },
  noSecondFunding: true,
  relativeGap: 0.01,
};

/** The sample with bundles: one funds and one talent need of each of the first 20 communities. */
export function withBundles(batch: Batch): Batch {
  const bundleOf = new Map<string, string>();
  for (const c of batch.communities.slice(0, 20)) {
    const funds = batch.needs.find((n) => n.community === c.id && n.form === 'funds');
    const talent = batch.needs.find((n) => n.community === c.id && n.form === 'talent');
    if (funds && talent) {
      bundleOf.set(funds.id, `B-${c.id}`);
      bundleOf.set(talent.id, `B-${c.id}`);
    }
  }
  return { ...batch, needs: batch.needs.map((n) => (bundleOf.has(n.id) ? { ...n, bundle: bundleOf.get(n.id)! } : n)) };
}

/** The first k communities of a batch with their needs, and every offer. */
function region(batch: Batch, k: number): Batch {
  const keep = new Set(batch.communities.slice(0, k).map((c) => c.id));
  return { ...batch, communities: batch.communities.filter((c) => keep.has(c.id)), needs: batch.needs.filter((n) => keep.has(n.community)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function policyFor(batch: Batch): PolicyOptionsInput {
  const districts = new Set(batch.communities.map((c) => c.district));
  const caps = Object.fromEntries(Object.entries(ALL_RULES.budgets!.districts!).filter(([d]) => districts.has(d)));
  return { ...ALL_RULES, budgets: { ...ALL_RULES.budgets, districts: caps } };
}

/** The whole model of a batch under the rules as one MIP (hard floors). */
function wholeMip(batch: Batch): MipProblem {
  const opts = { ...defaultMatchOptions };
  const { index, candidates, model } = prepareModel(batch, defaultWeightProfile, opts);
  const prepared = prepareRules(index, candidates, model, parsePolicyOptions(policyFor(batch)));
  return buildMip(prepared.blockSet.blocks, prepared.blockSet.blocks.map((_, b) => b), prepared.rules, prepared.base, model.scale).problem;
}

/** The pipeline (candidates to results, no JSON parsing) after one warm-up run: wall and CPU ms. */
function pipelineRuns(batch: Batch) {
  const times: number[] = [];
  const cpu: number[] = [];
  let last;
  for (let r = 0; r <= RUNS; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = runMatching(batch, defaultWeightProfile, { policy: policyFor(batch) }, () => performance.now());
    const used = process.cpuUsage(c);
    if (r > 0) {
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { ms: median(times), cpuMs: median(cpu), times, result: last! };
}

function exportLp(problem: MipProblem, path: string): void {
  const model = highs.createModel({
    numCols: problem.numCols,
    numRows: problem.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: problem.colCost,
    colLower: problem.colLower,
    colUpper: problem.colUpper,
    rowLower: problem.rowLower,
    rowUpper: problem.rowUpper,
    matrix: { format: 'csr', numRows: problem.numRows, numCols: problem.numCols, starts: problem.rowStart, indices: problem.rowIndex, values: problem.rowValue },
    integrality: Int32Array.from(problem.integer),
  });
  try {
    writeFileSync(path, model.exportModel('lp'));
  } finally {
    model.dispose();
  }
}

const jsLp: SolverAPI = (jsLpDefault as unknown as { default?: SolverAPI }).default ?? (jsLpDefault as unknown as SolverAPI);

/** javascript-lp-solver on the same MIP (its JSON model), presolve off (see solver/lp/js-lp-oracle.ts). */
function solveWithJsLp(p: MipProblem): { ms: number; objective: number | undefined } {
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  for (let j = 0; j < p.numCols; j++) {
    variables[`x${j}`] = { value: p.colCost[j]!, [`b${j}`]: 1 };
    constraints[`b${j}`] = { min: p.colLower[j]!, max: p.colUpper[j]! };
    if (p.integer[j]) ints[`x${j}`] = 1;
  }
  for (let r = 0; r < p.numRows; r++) {
    const c: { min?: number; max?: number } = {};
    if (Number.isFinite(p.rowLower[r]!)) c.min = p.rowLower[r]!;
    if (Number.isFinite(p.rowUpper[r]!)) c.max = p.rowUpper[r]!;
    constraints[`r${r}`] = c;
    for (let k = p.rowStart[r]!; k < p.rowStart[r + 1]!; k++) variables[`x${p.rowIndex[k]}`]![`r${r}`] = p.rowValue[k]!;
  }
  const t = performance.now();
  const out = jsLp.Solve({ optimize: 'value', opType: 'max', constraints, variables, ints, options: { presolve: false } } as never) as { feasible: boolean; result: number };
  return { ms: performance.now() - t, objective: out.feasible ? out.result : undefined };
}

function main(): void {
  const sample = withBundles(loadBatchOrThrow(readFileSync('data/sample-changzhou.json', 'utf8')));
  const before = loadavg()[0]!;
  const lines: string[] = [];
  const started = new Date().toISOString();

  const ours = pipelineRuns(sample);
  const s = ours.result.solve;
  const gapShare = s.gap / Math.abs(s.bound);
  console.log(`ours: ${fmt(ours.ms)} ms median, objective ${fmt(s.objective, 3)}, bound ${fmt(s.bound, 3)}, gap ${(100 * gapShare).toFixed(3)}%`);
  for (const set of ours.result.policy!.sets) console.log(`  ${set.method}: ${set.detail}`);

  mkdirSync('benchmarks/out', { recursive: true });
  const mip = wholeMip(sample);
  exportLp(mip, 'benchmarks/out/policy-changzhou.lp');
  const t = performance.now();
  const alone = solveWithHighs(mip, { timeLimitSeconds: HIGHS_LIMIT, relativeGap: 1e-4 });
  const aloneMs = performance.now() - t;
  const aloneObj = 'objective' in alone ? alone.objective : undefined;
  const aloneBound = 'bound' in alone ? alone.bound : undefined;
  console.log(`HiGHS alone: ${alone.status} in ${fmt(aloneMs / 1000, 1)} s, objective ${aloneObj}, bound ${aloneBound}`);

  const choice: string[][] = [];
  for (const k of [3, 6, 12, 25, 50]) {
    const b = region(sample, k);
    const p = wholeMip(b);
    const h = solveWithHighs(p, { timeLimitSeconds: 120, relativeGap: 0 });
    const hObj = 'objective' in h ? h.objective : undefined;
    const js = p.numCols <= 1500 ? solveWithJsLp(p) : undefined;
    const tc = performance.now();
    const core = runMatching(b, defaultWeightProfile, { policy: { ...policyFor(b), exactMaxArcs: 0, relativeGap: 0 } });
    const coreMs = performance.now() - tc;
    const sets = core.policy!.sets;
    const constant = core.solve.objective - sets.reduce((x, y) => x + y.objective, 0);
    choice.push([
      String(k),
      fmt(p.numCols),
      fmt(p.integer.reduce((a, v) => a + v, 0)),
      js ? `${fmt(js.ms, 1)} (${js.objective === undefined ? 'infeasible?' : fmt(js.objective, 3)})` : 'not tried',
      `${fmt(h.seconds * 1000, 1)} ${h.status} (${hObj === undefined ? '—' : fmt(hObj, 3)})`,
      `${fmt(coreMs, 1)} (${fmt(core.solve.objective - constant, 3)}, bound ${fmt(core.solve.bound - constant, 3)})`,
    ]);
    console.log(choice[choice.length - 1]!.join(' | '));
  }

  lines.push(
    '## Policy rules',
    '',
    `Measured ${started} with \`node --import tsx benchmarks/policy-bench.ts --runs ${RUNS} --highs-limit ${HIGHS_LIMIT}\` (Node ${process.version}, ${cpus().length} shared cores, 1-minute load average ${before.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after).`,
    '',
    'The Changzhou sample (800 needs, 400 offers, 18,990 candidate pairs) with every rule on: all-or-nothing needs, smallest allocations, most pairings per offer, a coverage floor of one need met in full per pilot community, district caps at about 60% of each district\'s funds demand and a 2.5 M yuan cap on enterprise funds, 20 bundles (one funds and one talent need of a community), one funded project per community, no second funding. Target gap 1% (`relativeGap: 0.01`), default time limit.',
    '',
    '| solver | time | objective | proven bound | gap | status |',
    '|---|---:|---:|---:|---:|---|',
    `| jiedui (flow core + Lagrangian bound), whole pipeline, median of ${RUNS} | ${fmt(ours.ms)} ms (CPU ${fmt(ours.cpuMs)} ms) | ${fmt(s.objective, 2)} | ${fmt(s.bound, 2)} | ${(100 * gapShare).toFixed(2)}% | ${s.status}${s.timeLimitReached ? ', time limit' : ''} |`,
    `| HiGHS alone on the same MIP (\`benchmarks/out/policy-changzhou.lp\`, ${fmt(mip.numCols)} columns of which ${fmt(mip.integer.reduce((a, v) => a + v, 0))} binary, ${fmt(mip.numRows)} rows), limit ${HIGHS_LIMIT} s | ${fmt(aloneMs / 1000, 1)} s | ${aloneObj === undefined ? '—' : fmt(aloneObj, 2)} | ${aloneBound === undefined ? '—' : fmt(aloneBound, 2)} | ${aloneObj !== undefined && aloneBound !== undefined ? `${((100 * (aloneBound - aloneObj)) / Math.abs(aloneBound)).toFixed(3)}%` : '—'} | ${alone.status} |`,
    '',
    `Runs (wall ms): ${ours.times.map((x) => fmt(x)).join(', ')}; CPU time counts every thread of the process (the garbage collector's too). How the set was solved: ${ours.result.policy!.sets.map((x) => x.detail).join('; ')}.`,
    '',
    '### Which solver for exact sets',
    '',
    'MIPs of the sample\'s first k communities (all their needs, every offer, all rules), solved to proven optimality: javascript-lp-solver (dense tableau, presolve off) and HiGHS on the same MIP, and our flow core without a MIP (rounding, its own proven bound).',
    '',
    '| communities | columns | binary | javascript-lp-solver ms (objective) | HiGHS ms, status (objective) | flow core, whole pipeline ms (objective, bound) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...choice.map((r) => `| ${r.join(' | ')} |`),
    '',
    'javascript-lp-solver is tried up to 1,500 columns only (its dense tableau grows with rows × columns). The flow-core column is a whole `runMatching` (candidates to results) with `relativeGap: 0`, so it spends its Lagrangian steps; the HiGHS column is the MIP solve alone.',
    '',
    '**Choice.** Exact sets go to HiGHS: it is several times faster than javascript-lp-solver already on the smallest region, and javascript-lp-solver cannot hold the larger ones. HiGHS is used up to `exactMaxArcs` (default 2,500 arcs), where its MIP stays around a second; above that its time grows steeply (in the 2026-11-22 04:32 run: 2 s at 25 communities, 37 s at 50, 92 s for the whole sample; an earlier run under heavier load needed 343 s for the whole sample) while the flow core answers in under a second within a fraction of a per cent of its own proven bound — and on the whole sample within 0.3% of HiGHS\'s optimum. Times on this shared machine are noisy (see the load averages); the CPU column is steadier.',
    '',
  );
  const text = lines.join('\n');
  console.log(`\n${text}`);
  if (WRITE) replaceSection('benchmarks/RESULTS.md', '## Policy rules', `${text}\n`);
}

/** Replaces one "## " section of a markdown file (appends it when missing). */
function replaceSection(path: string, heading: string, section: string): void {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(path, `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`);
}

if (process.argv[1]?.endsWith('policy-bench.ts')) main();
