/**
 * The solver as a pool of worker threads (solve-worker.ts), so a solve never blocks the event
 * loop. Requests wait in FIFO order for a free worker; a worker that dies fails its request and is
 * replaced on the next one.
 */
import type { MatchResult } from '../match/types.js';
import type { PreparedRunResult } from './prepared-result.js';
import type { SolveTask } from './solve-worker.js';
import { deserializeSolveError, type SerializedSolveError, type Solver } from './solver.js';
import { createTaskPool } from './task-pool.js';

export function createWorkerSolver(size: number): Solver {
  const pool = createTaskPool<SolveTask, unknown>(
    size,
    'solve-worker',
    (error) => deserializeSolveError(error as SerializedSolveError),
    'jobs/worker-pool',
  );
  return {
    solve: (request) => pool.run({ request, prepared: false }) as Promise<MatchResult>,
    solveForStorage: (request) => pool.run({ request, prepared: true }) as Promise<PreparedRunResult>,
    waiting: () => pool.waiting(),
    close: () => pool.close(),
  };
}
