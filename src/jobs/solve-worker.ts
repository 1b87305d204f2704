/**
 * Worker-thread entry: receives solve requests, runs the matcher, posts back the result or the
 * error. One request at a time per worker; the pool (worker-pool.ts) does the scheduling.
 */
import { runMatching } from '../match/run-matching.js';
import type { MatchResult } from '../match/types.js';
import { batchOf, serializeSolveError, type SolveRequest } from './solver.js';
import { serveTasks } from './worker-protocol.js';

serveTasks<SolveRequest, MatchResult>(
  'jobs/solve-worker',
  (request) => runMatching(batchOf(request.batch), request.weights, request.options, () => performance.now()),
  serializeSolveError,
);
