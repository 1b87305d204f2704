export * from './solver.js';
export { createWorkerSolver } from './worker-pool.js';
export * from './run-queue.js';
export * from './recover-runs.js';
export * from './run-results.js';
export * from './assemble-input.js';
