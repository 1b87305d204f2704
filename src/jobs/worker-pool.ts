/**
 * The solver as a pool of worker threads (solve-worker.ts), so a solve never blocks the event
 * loop. Requests wait in FIFO order for a free worker; a worker that dies fails its request and is
 * replaced on the next one.
 */
import type { MatchResult } from '../match/types.js';
import { deserializeSolveError, type SerializedSolveError, type SolveRequest, type Solver } from './solver.js';
import { createTaskPool } from './task-pool.js';

export function createWorkerSolver(size: number): Solver {
  const pool = createTaskPool<SolveRequest, MatchResult>(
    size,
    'solve-worker',
    (error) => deserializeSolveError(error as SerializedSolveError),
    'jobs/worker-pool',
  );
  return { solve: (request) => pool.run(request), waiting: () => pool.waiting(), close: () => pool.close() };
}
