/**
 * `jiedui solve-model MODEL [--verify]`: solve a plain `transport/v1` model (JSON or .tbin)
 * exactly and print one JSON line, so anyone can check a result with another solver.
 * `seconds_parse` is reading the file included; JSON above 64 MiB is read streaming
 * (solve-model-load.ts). `seconds` is the network simplex alone and `seconds_build` turning the
 * model into its network, the same two spans the LEMON comparison program reports.
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { loadModelFile } from './solve-model-load.js';
import { prepareSimplexCore } from '../../solver/min-cost-flow/index.js';
import {
  jsLpFitsTransport,
  solveTransport,
  solveTransportWithJsLp,
  type TransportModel,
} from '../../solver/transport/index.js';

interface SolveModelFlags {
  verify?: boolean;
}

/** Solves the model at `path` and returns the output line's fields. */
export function solveModelAction(path: string, flags: SolveModelFlags): Record<string, unknown> {
  // Compiling the WebAssembly solver is start-up, like loading a binary: not part of the solve.
  prepareSimplexCore();
  const started = performance.now();
  const { model, mode } = loadModelFile(path);
  const parsed = performance.now();
  const solution = solveTransport(model, { clock: () => performance.now() });
  const finished = performance.now();
  const size = { offers: model.offerIds.length, needs: model.needIds.length, edges: model.edgeOffer.length };
  if (solution.status !== 'optimal') {
    return { objective: null, seconds: (finished - parsed) / 1000, status: solution.status, ...size };
  }
  const line: Record<string, unknown> = {
    objective: solution.objective,
    seconds: solution.seconds,
    status: 'optimal',
    seconds_build: solution.timings?.buildSeconds,
    seconds_parse: (parsed - started) / 1000,
    seconds_total: (finished - started) / 1000,
    ...size,
    reader: mode,
    iterations: solution.iterations,
    components: solution.components,
    certificate_ok: solution.certificate?.ok,
    certificate_gap: solution.certificate?.gap,
    weight_scale: solution.weightScale,
    objective_error_bound: solution.objectiveErrorBound,
  };
  if (flags.verify) Object.assign(line, verify(model, solution.objective));
  return line;
}

function verify(model: TransportModel, objective: number): Record<string, unknown> {
  if (!jsLpFitsTransport(model)) return { oracle_status: 'too_large', oracle_objective: null };
  const oracle = solveTransportWithJsLp(model);
  if (oracle.status !== 'optimal') return { oracle_status: oracle.status, oracle_objective: null };
  const agrees = Math.abs(oracle.objective - objective) <= 1e-6 * Math.max(1, Math.abs(objective));
  return { oracle_status: 'optimal', oracle_objective: oracle.objective, oracle_agrees: agrees };
}

export function registerSolveModel(program: Command): void {
  program
    .command('solve-model')
    .description('solve a transport/v1 model (JSON or .tbin) exactly and print one JSON line')
    .argument('<model>', 'model file: transport/v1 JSON, or transport/v1-bin (.tbin)')
    .option('--verify', 'also solve with javascript-lp-solver (small models only) and add oracle_objective')
    .action((path: string, flags: SolveModelFlags) => {
      const line = solveModelAction(path, flags);
      process.stdout.write(`${JSON.stringify(line)}\n`);
      if (line['oracle_agrees'] === false) throw new Error('solve-model: javascript-lp-solver disagrees with our objective');
    });
}
