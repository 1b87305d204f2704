/**
 * Worker-thread entry: receives solve requests, runs the matcher, posts back the result or the
 * error. One request at a time per worker; the pool (worker-pool.ts) does the scheduling.
 */
import { parentPort } from 'node:worker_threads';
import { runMatching } from '../match/run-matching.js';
import { serializeSolveError, type SolveRequest } from './solver.js';

export interface WorkerRequest {
  readonly id: number;
  readonly request: SolveRequest;
}

if (!parentPort) throw new Error('jobs/solve-worker: must run in a worker thread');
const port = parentPort;

port.on('message', (message: WorkerRequest) => {
  try {
    const { batch, weights, options } = message.request;
    const result = runMatching(batch, weights, options, () => performance.now());
    port.postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: serializeSolveError(error) });
  }
});
