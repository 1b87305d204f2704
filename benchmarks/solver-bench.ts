/**
 * Solver benchmark on generated transport/v1 models: our network simplex against the `highs`
 * package (HiGHS as LP, wasm) and javascript-lp-solver on the same model, each in its own child
 * process (own peak RSS, timeouts so a peer cannot hang the run).
 *
 *   node --import tsx benchmarks/solver-bench.ts [--families changzhou,city,assign-1000]
 *        [--province] [--runs 7] [--highs-runs 1] [--jslp-timeout 60] [--highs-timeout 600] [--no-write]
 *   node --import tsx benchmarks/solver-bench.ts --render   (re-render the last run's saved numbers)
 *
 * Writes the table into benchmarks/RESULTS.md under "## Solver (transport/v1)".
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { renderResults, type FamilyResult } from './solver-bench-report.js';

const GENERATOR = '/work/shared/perf/gen.mjs';
const OUT = 'benchmarks/out';
const RESULTS = 'benchmarks/RESULTS.md';

interface Flags {
  families: string[];
  runs: number;
  highsRuns: number;
  jslpTimeout: number;
  highsTimeout: number;
  write: boolean;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { families: ['changzhou', 'city', 'assign-1000'], runs: 7, highsRuns: 1, jslpTimeout: 60, highsTimeout: 600, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--families') flags.families = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--province') flags.families.push('province');
    else if (arg === '--runs') flags.runs = Number(argv[++i]);
    else if (arg === '--highs-runs') flags.highsRuns = Number(argv[++i]);
    else if (arg === '--jslp-timeout') flags.jslpTimeout = Number(argv[++i]);
    else if (arg === '--highs-timeout') flags.highsTimeout = Number(argv[++i]);
    else if (arg === '--no-write') flags.write = false;
    else throw new Error(`solver-bench: unknown flag ${arg}`);
  }
  return flags;
}

function generate(family: string): string {
  mkdirSync(OUT, { recursive: true });
  const json = join(OUT, `${family}-s1.json`);
  if (!existsSync(json) || !existsSync(json.replace(/\.json$/, '.tbin'))) {
    execFileSync(process.execPath, [GENERATOR, '--family', family, '--seed', '1', '--out', json, '--bin', json.replace(/\.json$/, '.tbin')], { stdio: 'inherit' });
  }
  return json;
}

/** Runs one worker measurement; resolves to its JSON line, or to why there is none. */
function worker(mode: string, model: string, runs: number, timeoutSeconds: number): Promise<Record<string, unknown>> {
  const args = ['--max-old-space-size=16000', '--import', 'tsx', 'benchmarks/solver-bench-worker.ts', mode, model, String(runs)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: timeoutSeconds * 1000, maxBuffer: 1 << 24, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed ? `timeout ${timeoutSeconds} s` : /heap out of memory|Array buffer allocation failed|RangeError/.test(stderr) ? 'out of memory' : `failed (${error.code})`;
        resolve({ failed: why });
        return;
      }
      resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

async function benchFamily(family: string, flags: Flags): Promise<FamilyResult> {
  const model = generate(family);
  process.stderr.write(`${family}: ours…\n`);
  const ours = await worker('ours', model, flags.runs, 1800);
  const variants = family === 'province' ? undefined : await worker('variants', model, Math.max(3, Math.floor(flags.runs / 2)), 1800);
  process.stderr.write(`${family}: highs…\n`);
  const highs = await worker('highs', model, flags.highsRuns, flags.highsTimeout);
  process.stderr.write(`${family}: javascript-lp-solver…\n`);
  const jslp = await worker('jslp', model, 1, flags.jslpTimeout);
  return { family, ours, variants, highs, jslp };
}

/** `--render`: rebuild the section from the last run's saved measurements (after editing the notes). */
function renderSaved(): void {
  const saved = JSON.parse(readFileSync(join(OUT, 'solver-bench.json'), 'utf8'));
  const section = renderResults(saved.results, saved.info);
  process.stdout.write(`${section}\n`);
  writeSection(section);
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) return renderSaved();
  const flags = parseFlags(process.argv.slice(2));
  const loadBefore = loadavg()[0]!;
  const results: FamilyResult[] = [];
  for (const family of flags.families) results.push(await benchFamily(family, flags));
  const command = `node --import tsx benchmarks/solver-bench.ts ${process.argv.slice(2).join(' ')}`.trim();
  const info = { command, date: new Date().toISOString(), load: [loadBefore, loadavg()[0]!] as const, runs: flags.runs };
  const section = renderResults(results, info);
  process.stdout.write(`${section}\n`);
  writeFileSync(join(OUT, 'solver-bench.json'), `${JSON.stringify({ info, results }, null, 1)}\n`);
  if (flags.write) writeSection(section);
}

/** Replaces (or appends) the "## Solver (transport/v1)" section, leaving the others alone. */
function writeSection(section: string): void {
  const heading = '## Solver (transport/v1)';
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf(heading);
  if (start < 0) {
    writeFileSync(RESULTS, `${text.trimEnd()}\n\n${section}\n`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(RESULTS, `${text.slice(0, start)}${section}\n${next < 0 ? '' : text.slice(next + 1)}`);
}

await main();
