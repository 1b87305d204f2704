/**
 * Pipeline benchmark on generated batches: intake, candidates, scoring, model, solve (with its
 * certificate) and results, median of several in-process runs after a warm-up, plus peak memory;
 * and the same model (all components, as one LP) solved by HiGHS (`highs` package, WebAssembly)
 * and javascript-lp-solver in child processes, side by side in the same run.
 *
 *   node --import tsx benchmarks/pipeline-bench.ts [--families changzhou,city] [--runs 5] [--write]
 *
 * `--write` replaces the pipeline section of benchmarks/RESULTS.md with the table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { batchToJson, generateBatch, isFamilyId } from '../src/generate/index.js';
import { loadBatchOrThrow } from '../src/intake/index.js';
import { defaultWeightProfile } from '../src/domain/weights.js';
import { prepareModel, runMatching } from '../src/match/run-matching.js';
import { componentLp } from '../src/match/solve/verify-with-lp.js';
import { defaultMatchOptions, type MatchResult } from '../src/match/types.js';
import type { LpModel } from './peers/lp-text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const families = arg('families', 'changzhou,city').split(',');
const runs = Number(arg('runs', '5'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface PeerAnswer {
  objective: number | null;
  seconds: number;
  status: string;
}

function runPeer(peer: 'highs' | 'jslp', file: string, timeoutSeconds: number): PeerAnswer {
  const out = spawnSync(process.execPath, ['--max-old-space-size=16000', '--import', 'tsx', 'benchmarks/peers/solve-lp.ts', peer, file], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
  });
  if (out.error || out.status !== 0) return { objective: null, seconds: Number.NaN, status: out.error ? `gave up after ${timeoutSeconds} s` : `failed (${out.stderr.trim().split('\n').at(-1)})` };
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as PeerAnswer;
}

/** All components of a run's model as one LP, variables and rows prefixed by component. */
function wholeModelLp(batchText: string): LpModel {
  const batch = loadBatchOrThrow(batchText);
  const { model } = prepareModel(batch, defaultWeightProfile, defaultMatchOptions);
  const merged: LpModel = { optimize: 'value', opType: 'max', constraints: {}, variables: {} };
  model.components.forEach((component, k) => {
    const lp = componentLp(component, model.scale);
    for (const [row, c] of Object.entries(lp.constraints)) merged.constraints[`${row.startsWith('u') ? 'u' : ''}k${k}_${row}`] = c;
    for (const [name, column] of Object.entries(lp.variables)) {
      const renamed: Record<string, number> = {};
      for (const [row, coef] of Object.entries(column)) renamed[row === 'value' ? 'value' : `${row.startsWith('u') ? 'u' : ''}k${k}_${row}`] = coef;
      merged.variables[`k${k}_${name}`] = renamed;
    }
  });
  return merged;
}

const rows: string[][] = [];
mkdirSync(`${root}/benchmarks/out`, { recursive: true });
for (const family of families) {
  if (!isFamilyId(family)) throw new Error(`bench: unknown family ${family}`);
  const text = batchToJson(generateBatch(family, 1));
  const laps: Record<string, number[]> = {};
  let result: MatchResult | undefined;
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const batch = loadBatchOrThrow(text);
    const intake = performance.now() - start;
    result = runMatching(batch, defaultWeightProfile, {}, () => performance.now());
    if (i === 0) continue; // warm-up
    for (const [stage, ms] of Object.entries({ intake, ...result.solve.timings, end_to_end: performance.now() - start })) {
      (laps[stage] ??= []).push(ms);
    }
  }
  const m = (stage: string) => median(laps[stage] ?? [Number.NaN]);
  const lpFile = `${root}/benchmarks/out/${family}-model.lp.json`;
  writeFileSync(lpFile, JSON.stringify(wholeModelLp(text)));
  const highs = runPeer('highs', lpFile, 600);
  const jslp = runPeer('jslp', lpFile, 60);
  const ours = result!.solve.objective;
  const agrees = (p: PeerAnswer) => (p.objective === null ? '—' : Math.abs(p.objective - ours) <= 1e-6 * Math.max(1, Math.abs(ours)) ? 'yes' : `NO (${p.objective})`);
  const ratio = (p: PeerAnswer) => (p.objective === null ? p.status : `${((p.seconds * 1000) / m('solve')).toFixed(0)}× (${(p.seconds * 1000).toFixed(0)} ms)`);
  rows.push([
    family,
    String(result!.candidates.candidates),
    String(result!.solve.components),
    ...['intake', 'candidates', 'scoring', 'model', 'solve', 'results', 'end_to_end'].map((s) => m(s).toFixed(1)),
    `${Math.round(process.resourceUsage().maxRSS / 1024)}`,
    ours.toFixed(2),
    ratio(highs),
    agrees(highs),
    ratio(jslp),
    agrees(jslp),
  ]);
  console.error(`${family}: done`);
}

const header = ['family', 'candidates', 'components', 'intake ms', 'candidates ms', 'scoring ms', 'model ms', 'solve ms', 'results ms', 'end-to-end ms', 'peak RSS MiB', 'objective', 'HiGHS / ours', 'HiGHS agrees', 'jsLP / ours', 'jsLP agrees'];
const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(table);
if (process.argv.includes('--write')) {
  const file = `${root}/benchmarks/RESULTS.md`;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmark results\n';
  }
  const section = [
    '<!-- pipeline-bench:start -->',
    '## Pipeline (batches, end to end)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on this 2-core machine with \`node --import tsx benchmarks/pipeline-bench.ts --families ${families.join(',')} --runs ${runs} --write\`.`,
    `Stage times are medians of ${runs} in-process runs after one warm-up; "solve" includes the certificate check. Peers solve the very same model (all components as one LP; arc capacities as bounds) in child processes; their time is the solve call alone. Peak RSS is the benchmark process's.`,
    '',
    table,
    '<!-- pipeline-bench:end -->',
  ].join('\n');
  const re = /<!-- pipeline-bench:start -->[\s\S]*<!-- pipeline-bench:end -->/;
  writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}
