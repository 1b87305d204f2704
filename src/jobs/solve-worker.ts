/**
 * Worker-thread entry: receives solve requests, runs the matcher, posts back the result (or, for
 * background runs, the result prepared for storing: see prepared-result.ts) or the error. One
 * request at a time per worker; the pool (worker-pool.ts) does the scheduling.
 */
import { runMatching } from '../match/run-matching.js';
import { prepareRunResult } from './prepared-result.js';
import { batchOf, serializeSolveError, type SolveRequest } from './solver.js';
import { serveTasks } from './worker-protocol.js';

/** What the pool posts: a request, and whether to answer with the prepared result. */
export interface SolveTask {
  readonly request: SolveRequest;
  readonly prepared: boolean;
}

serveTasks<SolveTask, unknown>(
  'jobs/solve-worker',
  ({ request, prepared }) => {
    const result = runMatching(batchOf(request.batch), request.weights, request.options, () => performance.now());
    return prepared ? prepareRunResult(result) : result;
  },
  serializeSolveError,
);
