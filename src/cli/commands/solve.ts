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
import type { MatchMode } from '../../match/types.js';
import { formatSummary, type Lang } from '../format-summary.js';

interface SolveFlags {
  weights?: string;
  mode: MatchMode;
  out?: string;
  format: 'table' | 'json';
  exportModel?: string;
  verify?: boolean;
  lang: Lang;
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
  const options = { mode: flags.mode, verify: flags.verify ?? false };
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
    .action((batch: string, flags: SolveFlags) => solveAction(batch, flags, (t) => process.stdout.write(`${t}\n`)));
}
