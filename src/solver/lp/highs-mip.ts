/**
 * HiGHS adapter for linear and mixed-integer programs given as plain arrays (compressed rows):
 * maximise c·x subject to rowLower <= A x <= rowUpper, colLower <= x <= colUpper, x integer where
 * asked. Returns primal values, the objective, the proven bound (the MIP dual bound; for an LP
 * the objective itself), row and column duals for LPs, and whether the time limit stopped it.
 * Knows nothing of needs and offers.
 */
import { highs } from './highs-runtime.js';

export interface HighsProblem {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 marks an integer column; all zero (or absent) solves an LP. */
  readonly integer?: Uint8Array;
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

export interface HighsLimits {
  readonly timeLimitSeconds: number;
  /** HiGHS stops once (bound − objective) ≤ relativeGap · |objective|. */
  readonly relativeGap: number;
  /** HiGHS presolve: on for MIPs by default; off is often faster for network LPs. */
  readonly presolve?: 'on' | 'off' | 'choose';
}

export type HighsOutcome =
  | {
      readonly status: 'optimal' | 'time_limit';
      readonly values: Float64Array;
      readonly objective: number;
      /** Proven upper bound on the maximum (for an optimal LP: the objective). */
      readonly bound: number;
      /** LP only: duals of the rows and columns (HiGHS sign convention for maximisation). */
      readonly rowDual?: Float64Array;
      readonly colDual?: Float64Array;
      readonly seconds: number;
    }
  | { readonly status: 'infeasible'; readonly seconds: number }
  | { readonly status: 'no_solution'; readonly bound: number; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly seconds: number };

/** Solves a problem with HiGHS within the limits. Never throws for a solver outcome. */
export function solveWithHighs(problem: HighsProblem, limits: HighsLimits): HighsOutcome {
  const isMip = problem.integer !== undefined && problem.integer.some((v) => v === 1);
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
    ...(isMip ? { integrality: Int32Array.from(problem.integer!) } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: limits.timeLimitSeconds,
      presolve: limits.presolve ?? (isMip ? 'choose' : 'off'),
      ...(isMip ? { mip_rel_gap: limits.relativeGap, mip_abs_gap: 1e-9 } : {}),
    });
    model.run();
    return readOutcome(model, isMip);
  } catch (error) {
    return { status: 'error', message: `solver/lp/highs: ${error instanceof Error ? error.message : String(error)}`, seconds: safeRunTime(model) };
  } finally {
    model.dispose();
  }
}

type HighsModel = ReturnType<typeof highs.createModel>;

function readOutcome(model: HighsModel, isMip: boolean): HighsOutcome {
  const codes = highs.constants.modelStatus;
  const status = model.getModelStatus();
  const seconds = model.getRunTime();
  if (status === codes.infeasible) return { status: 'infeasible', seconds };
  const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
  const limited = status === codes.timeLimit || status === codes.interrupted || status === codes.iterationLimit || status === codes.solutionLimit;
  if (status !== codes.optimal && !limited) {
    return { status: 'error', message: `solver/lp/highs: model status ${status}`, seconds };
  }
  const bound = isMip ? Number(model.info.get('mip_dual_bound')) : Number.POSITIVE_INFINITY;
  if (!hasPrimal) return { status: 'no_solution', bound: Number.isFinite(bound) ? bound : Number.POSITIVE_INFINITY, seconds };
  const solution = model.getSolution();
  const objective = model.getObjectiveValue();
  const common = { status: status === codes.optimal ? ('optimal' as const) : ('time_limit' as const), values: solution.colValue, objective, seconds };
  if (isMip) return { ...common, bound: Math.max(bound, objective) };
  // An LP stopped early has no proof; an optimal one is its own bound.
  return { ...common, bound: status === codes.optimal ? objective : Number.POSITIVE_INFINITY, rowDual: solution.rowDual, colDual: solution.colDual };
}

function safeRunTime(model: HighsModel): number {
  try {
    return model.getRunTime();
  } catch {
    return 0;
  }
}
