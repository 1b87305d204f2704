/**
 * The solve port: something that runs the matcher on a request and answers later. The worker pool
 * keeps solves off the event loop; the inline solver runs the matcher in-process (CLI, tools).
 */
import type { Batch } from '../domain/batch-schema.js';
import { InvalidInputError, type InputIssue } from '../domain/issues.js';
import type { WeightProfile } from '../domain/weights.js';
import type { MatchOptions, MatchResult } from '../match/types.js';

export interface SolveRequest {
  readonly batch: Batch;
  readonly weights: WeightProfile;
  readonly options: Partial<MatchOptions>;
}

export interface Solver {
  solve(request: SolveRequest): Promise<MatchResult>;
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

/** Runs the matcher on the calling thread (blocks it for the solve's duration). */
export function createInlineSolver(matcher: Matcher, clock: () => number = () => performance.now()): Solver {
  return {
    async solve(request) {
      return matcher(request.batch, request.weights, request.options, clock);
    },
    waiting: () => 0,
    async close() {},
  };
}
