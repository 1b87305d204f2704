/**
 * Worker-thread entry of the component pool: solves the component networks it is sent, one at a
 * time in arrival order, and posts each solution back (its arrays transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import type { FlowNetwork } from '../solver/min-cost-flow/network.js';
import { solveComponentNetwork } from '../match/solve/solve-component.js';
import { serializeSolveError } from './solver.js';

export interface ComponentRequest {
  readonly id: number;
  readonly label: number;
  readonly network: FlowNetwork;
}

if (!parentPort) throw new Error('jobs/component-worker: must run in a worker thread');
const port = parentPort;

port.on('message', (message: ComponentRequest) => {
  try {
    const solution = solveComponentNetwork(message.network, message.label);
    port.postMessage({ id: message.id, ok: true, solution }, [solution.flow.buffer as ArrayBuffer, solution.potential.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: serializeSolveError(error) });
  }
});
