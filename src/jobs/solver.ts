/**
 * The solve port: something that runs the matcher on a request and answers later. The worker pool
 * keeps solves off the event loop; the inline solver runs the matcher in-process (CLI, tools).
 */
import type { Batch } from '../domain/batch-schema.js';
import { InvalidInputError, type InputIssue } from '../domain/issues.js';
import type { WeightProfile } from '../domain/weights.js';
import type { MatchOptions, MatchResult } from '../match/types.js';
import type { PreparedRunResult } from './prepared-result.js';

/**
 * A batch as its JSON text. Handing a worker a string costs one copy; handing it an object graph
 * costs a walk of every object on the event loop (structured clone), which for a city-sized batch
 * is tens of milliseconds.
 */
export interface BatchJson {
  readonly json: string;
}

export interface SolveRequest {
  readonly batch: Batch | BatchJson;
  readonly weights: WeightProfile;
  readonly options: Partial<MatchOptions>;
}

export interface Solver {
  solve(request: SolveRequest): Promise<MatchResult>;
  /**
   * Solves and hands back the result ready to store (prepared-result.ts), serialised where it was
   * solved. Optional: without it, the run queue prepares `solve`'s result itself.
   */
  solveForStorage?(request: SolveRequest): Promise<PreparedRunResult>;
  /** Solves waiting for a free worker. */
  waiting(): number;
  close(): Promise<void>;
}

/** The matcher's signature (src/match/run-matching.ts). */
export type Matcher = (
  batch: Batch,
  weights: WeightProfile,
  options?: Partial<MatchOptions>,
  clock?: () => number,
) => MatchResult;

/** A failure sent back from a worker, rebuilt as the error it was (input errors keep their issues). */
export interface SerializedSolveError {
  readonly name: string;
  readonly message: string;
  readonly issues?: readonly InputIssue[];
}

export function serializeSolveError(error: unknown): SerializedSolveError {
  if (error instanceof InvalidInputError) return { name: error.name, message: error.message, issues: error.issues };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function deserializeSolveError(error: SerializedSolveError): Error {
  if (error.issues) {
    const rebuilt = new InvalidInputError(error.issues, 'match');
    rebuilt.message = error.message;
    return rebuilt;
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/** The batch of a request, parsed when it came as JSON text. */
export function batchOf(input: Batch | BatchJson): Batch {
  return 'json' in input ? (JSON.parse(input.json) as Batch) : input;
}

/** Runs the matcher on the calling thread (blocks it for the solve's duration). */
export function createInlineSolver(matcher: Matcher, clock: () => number = () => performance.now()): Solver {
  return {
    async solve(request) {
      return matcher(batchOf(request.batch), request.weights, request.options, clock);
    },
    waiting: () => 0,
    async close() {},
  };
}
