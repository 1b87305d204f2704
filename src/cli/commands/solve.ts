/**
 * `jiedui solve BATCH`: validate a batch, pair it, prove the result optimal and print it.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadWeightProfileOrThrow } from '../../intake/index.js';
import { loadBatchFile, type StreamProgress } from '../../intake/stream/index.js';
import type { Batch } from '../../domain/batch-schema.js';
import { defaultWeightProfile, type WeightProfile } from '../../domain/weights.js';
import { InvalidInputError } from '../../domain/issues.js';
import { exportTransportModel, runMatching } from '../../match/run-matching.js';
import type { MatchMode, MatchOptions, MatchResult } from '../../match/types.js';
import { runMatchingParallel } from '../../match/parallel/run-matching-parallel.js';
import { createComponentPool, defaultComponentWorkers } from '../../jobs/component-pool.js';
import { createRunProgress, PROGRESS_MODES, type ProgressMode, type ProgressSink } from '../progress.js';
import { jsonChunks } from '../json-chunks.js';
import { writeChunks } from './generate.js';
import { PolicyOptionsSchema, type PolicyOptionsInput } from '../../match/policy/options.js';
import { formatSummary, type Lang } from '../format-summary.js';

interface SolveFlags {
  weights?: string;
  mode: MatchMode;
  out?: string;
  format: 'table' | 'json';
  exportModel?: string;
  verify?: boolean;
  lang: Lang;
  rules?: string;
  allOrNothing?: boolean;
  minAllocation?: boolean;
  maxPairings?: boolean;
  coverageFloor?: string;
  bundles?: boolean;
  onePerOrganisation?: string | boolean;
  /** commander's reading of `--no-second-funding`: false when given. */
  secondFunding?: boolean;
  timeLimit?: string;
  gap?: string;
  prices?: boolean;
  priceOfFairness?: boolean;
  progress?: ProgressMode;
  /** Component worker threads besides the calling one. */
  workers?: number;
}

/** Policy options from `--rules FILE` and the single-rule flags (flags win), validated. */
export function policyFromFlags(flags: SolveFlags): PolicyOptionsInput | undefined {
  const fromFile: Record<string, unknown> = flags.rules ? parseRulesFile(readInput(flags.rules, 'rules file')) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  if (flags.allOrNothing) merged['allOrNothing'] = true;
  if (flags.minAllocation) merged['minAllocation'] = true;
  if (flags.maxPairings) merged['maxPairings'] = true;
  if (flags.bundles) merged['bundles'] = true;
  if (flags.secondFunding === false) merged['noSecondFunding'] = true;
  if (flags.coverageFloor !== undefined) merged['coverageFloor'] = { ...(fromFile['coverageFloor'] as object | undefined), needsMet: Number(flags.coverageFloor) };
  if (flags.onePerOrganisation !== undefined) merged['onePerOrganisation'] = { by: typeof flags.onePerOrganisation === 'string' ? flags.onePerOrganisation : 'community' };
  if (flags.timeLimit !== undefined) merged['timeLimitSeconds'] = Number(flags.timeLimit);
  if (flags.gap !== undefined) merged['relativeGap'] = Number(flags.gap);
  if (Object.keys(merged).length === 0) return undefined;
  const parsed = PolicyOptionsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new InvalidInputError(
      parsed.error.issues.map((i) => ({ path: ['rules', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], code: i.code, message: i.message })),
      'rules',
    );
  }
  return merged as PolicyOptionsInput;
}

function parseRulesFile(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvalidInputError([{ path: ['rules'], code: 'invalid_json', message: 'the rules file is not a JSON object' }], 'rules');
}

/** Reads a file, turning "no such file" into an input error rather than a crash. */
export function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InvalidInputError([{ path: [path], code: 'unreadable_file', message: `cannot read ${what}: ${reason}` }], what);
  }
}

function loadWeights(path: string | undefined): WeightProfile {
  if (!path) return defaultWeightProfile;
  return loadWeightProfileOrThrow(readInput(path, 'weight profile'));
}

export function solveAction(batchPath: string, flags: SolveFlags, write: (text: string) => void): void {
  const started = performance.now();
  const batch = loadBatchForSolve(batchPath);
  const parsedAt = performance.now();
  const weights = loadWeights(flags.weights);
  const options = matchOptionsFromFlags(flags);
  const result = runMatching(batch, weights, options, () => performance.now());
  emitResult({ result, batch, weights, options, batchPath, flags, started, parsedAt }, write);
}

/**
 * The command's action: {@link solveAction} with progress on stderr (see cli/progress.ts) and
 * the components of a large model solved on worker threads when that pays.
 */
export async function solveCommand(batchPath: string, flags: SolveFlags, write: (text: string) => void, stderr: ProgressSink = process.stderr): Promise<void> {
  const clock = () => performance.now();
  const started = clock();
  const progress = createRunProgress(flags.progress ?? 'auto', stderr, clock, fileSize(batchPath));
  const batch = loadBatchForSolve(batchPath, (p) => progress.reading(p));
  const parsedAt = clock();
  progress.stage('intake', parsedAt - started);
  const weights = loadWeights(flags.weights);
  const options = matchOptionsFromFlags(flags);
  const pool = createComponentPool(flags.workers ?? defaultComponentWorkers());
  let result: MatchResult;
  try {
    result = await runMatchingParallel(batch, weights, options, clock, pool, {
      onStage: (stage, ms) => progress.stage(stage, ms),
      onModel: (components, arcs, parallel) => progress.model(components, arcs, parallel),
      onSolve: (p) => progress.solving(p),
    });
  } finally {
    await pool.close();
  }
  emitResult({ result, batch, weights, options, batchPath, flags, started, parsedAt }, write, () => progress.done('done'));
}

/** Reads and validates the batch: whole below the JSON comfort zone, streaming above it, NDJSON by its ending. */
function loadBatchForSolve(path: string, onProgress?: (p: StreamProgress) => void): Batch {
  const result = loadBatchFile(path, onProgress ? { onProgress } : {});
  if (result.ok) return result.batch;
  const unreadable = result.issues.length === 1 && result.issues[0]!.code === 'unreadable_file';
  throw new InvalidInputError(result.issues, unreadable ? 'batch' : 'intake: batch');
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reported when the batch is read
  }
}

function matchOptionsFromFlags(flags: SolveFlags): Partial<MatchOptions> {
  const policy = policyFromFlags(flags);
  return {
    mode: flags.mode,
    verify: flags.verify ?? false,
    ...(policy ? { policy } : {}),
    ...(flags.prices || flags.priceOfFairness ? { reports: { prices: flags.prices ?? false, priceOfFairness: flags.priceOfFairness ?? false } } : {}),
  };
}

interface SolvedRun {
  readonly result: MatchResult;
  readonly batch: Batch;
  readonly weights: WeightProfile;
  readonly options: Partial<MatchOptions>;
  readonly batchPath: string;
  readonly flags: SolveFlags;
  readonly started: number;
  readonly parsedAt: number;
}

/** Writes the result file, the model export and the printed result; `beforePrint` ends a progress display. */
function emitResult(run: SolvedRun, write: (text: string) => void, beforePrint: () => void = () => {}): void {
  const { result, batch, weights, options, flags } = run;
  const timings = { ...result.solve.timings, intake: run.parsedAt - run.started, end_to_end: performance.now() - run.started };
  const shown = { ...result, solve: { ...result.solve, timings } };
  // In pieces: a province result is hundreds of MB of text.
  if (flags.out) writeChunks(flags.out, (function* () { yield* jsonChunks(shown, 1); yield '\n'; })());
  if (flags.exportModel) writeFileSync(flags.exportModel, `${JSON.stringify(exportTransportModel(batch, weights, options))}\n`);
  beforePrint();
  write(flags.format === 'json' ? JSON.stringify(shown) : formatSummary(shown, batch, run.batchPath, flags.lang));
  if (flags.verify && shown.solve.verification && !shown.solve.verification.agrees) {
    throw new Error('solve: javascript-lp-solver disagrees with our solution (see above)');
  }
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 64) throw new InvalidArgumentError('a whole number from 0 to 64 is expected');
  return n;
}

export function registerSolve(program: Command): void {
  program
    .command('solve')
    .description('pair the needs and offers of a batch and print the proven-optimal result')
    .argument('<batch>', 'batch file: JSON (jiedui-batch/v1; streamed when large) or NDJSON (.ndjson/.jsonl, one type-tagged record per line)')
    .option('--weights <file>', 'weight profile JSON (default: the shipped default profile)')
    .addOption(new Option('--mode <mode>', 'flow: partial allocations; one-to-one: 结对, one offer per need').choices(['flow', 'one-to-one']).default('flow'))
    .option('--out <file>', 'write the full result as JSON')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'))
    .option('--export-model <file>', 'write the model in transport/v1 for other solvers')
    .option('--verify', 'solve every component again with javascript-lp-solver and compare')
    .addOption(new Option('--lang <lang>', 'label language').choices(['zh', 'en']).default('en'))
    .option('--rules <file>', 'policy rules as JSON (see README "Policy rules"); the flags below override it')
    .option('--all-or-nothing', 'needs with partial: false get their whole demand or nothing')
    .option('--min-allocation', "no allocation below an offer's minAllocation")
    .option('--max-pairings', 'in flow mode too, an offer pairs with no more than maxPairings needs')
    .option('--coverage-floor <n>', 'every pilot community gets at least n needs met in full, where any assignment allows it')
    .option('--bundles', 'needs sharing a bundle id are all met in full, or none is')
    .addOption(new Option('--one-per-organisation [by]', 'no more than one funded project per community (or provider)').choices(['community', 'provider']))
    .option('--no-second-funding', 'needs with government money get no funds offers')
    .option('--time-limit <seconds>', 'time limit of a run with rules (default 10)')
    .option('--gap <relative>', 'stop a run with rules once its proven gap is this small (default 0.0001; 0 asks for proof)')
    .option('--prices', 'report shadow prices of offer capacity, the bottleneck table and what would meet each unmet need')
    .option('--price-of-fairness', 'report the value the coverage floor and the spreading utility cost (extra solves)')
    .addOption(new Option('--progress <mode>', 'progress on stderr: a bar on a terminal, lines otherwise (auto: only for batches of 1 MB or more)').choices([...PROGRESS_MODES]).default('auto'))
    .option('--workers <n>', 'worker threads for solving components besides this one (default: cores - 1; 0: none)', parseWorkers)
    .action((batch: string, flags: SolveFlags) => solveCommand(batch, flags, (t) => process.stdout.write(`${t}\n`)));
}
