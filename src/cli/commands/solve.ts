/**
 * `jiedui solve BATCH`: validate a batch, pair it, prove the result optimal and print it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command, Option } from 'commander';
import { loadBatchOrThrow, loadWeightProfileOrThrow } from '../../intake/index.js';
import { defaultWeightProfile, type WeightProfile } from '../../domain/weights.js';
import { InvalidInputError } from '../../domain/issues.js';
import { exportTransportModel, runMatching } from '../../match/run-matching.js';
import type { MatchMode, MatchOptions } from '../../match/types.js';
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
  const batch = loadBatchOrThrow(readInput(batchPath, 'batch'));
  const parsedAt = performance.now();
  const weights = loadWeights(flags.weights);
  const policy = policyFromFlags(flags);
  const options: Partial<MatchOptions> = {
    mode: flags.mode,
    verify: flags.verify ?? false,
    ...(policy ? { policy } : {}),
    ...(flags.prices || flags.priceOfFairness ? { reports: { prices: flags.prices ?? false, priceOfFairness: flags.priceOfFairness ?? false } } : {}),
  };
  const result = runMatching(batch, weights, options, () => performance.now());
  const timings = { ...result.solve.timings, intake: parsedAt - started, end_to_end: performance.now() - started };
  const shown = { ...result, solve: { ...result.solve, timings } };
  if (flags.out) writeFileSync(flags.out, `${JSON.stringify(shown, null, 1)}\n`);
  if (flags.exportModel) writeFileSync(flags.exportModel, `${JSON.stringify(exportTransportModel(batch, weights, options))}\n`);
  write(flags.format === 'json' ? JSON.stringify(shown) : formatSummary(shown, batch, batchPath, flags.lang));
  if (flags.verify && shown.solve.verification && !shown.solve.verification.agrees) {
    throw new Error('solve: javascript-lp-solver disagrees with our solution (see above)');
  }
}

export function registerSolve(program: Command): void {
  program
    .command('solve')
    .description('pair the needs and offers of a batch and print the proven-optimal result')
    .argument('<batch>', 'batch JSON file (jiedui-batch/v1)')
    .option('--weights <file>', 'weight profile JSON (default: the shipped default profile)')
    .addOption(new Option('--mode <mode>', 'flow: partial allocations; one-to-one: 结对, one offer per need').choices(['flow', 'one-to-one']).default('flow'))
    .option('--out <file>', 'write the full result as JSON')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'))
    .option('--export-model <file>', 'write the model in transport/v1 for other solvers')
    .option('--verify', 'solve every component again with javascript-lp-solver and compare')
    .addOption(new Option('--lang <lang>', 'label language').choices(['zh', 'en']).default('en'))
    .option('--rules <file>', 'policy rules as JSON (see README "Policy rules"); the flags below override it')
    .option('--all-or-nothing', 'needs with partial: false are met in full or not at all')
    .option('--min-allocation', "no allocation below an offer's minAllocation")
    .option('--max-pairings', 'in flow mode too, an offer pairs with at most maxPairings needs')
    .option('--coverage-floor <n>', 'every pilot community gets at least n needs met in full, where any assignment allows it')
    .option('--bundles', 'needs sharing a bundle id are met in full together or not at all')
    .addOption(new Option('--one-per-organisation [by]', 'at most one funded project per community (or provider)').choices(['community', 'provider']))
    .option('--no-second-funding', 'needs with government money get no funds offers')
    .option('--time-limit <seconds>', 'time limit of a run with rules (default 10)')
    .option('--gap <relative>', 'stop a run with rules once its proven gap is this small (default 0.0001; 0 asks for proof)')
    .option('--prices', 'report shadow prices of offer capacity, the bottleneck table and what would meet each unmet need')
    .option('--price-of-fairness', 'report the value the coverage floor and the spreading utility cost (extra solves)')
    .action((batch: string, flags: SolveFlags) => solveAction(batch, flags, (t) => process.stdout.write(`${t}\n`)));
}
