/**
 * A fixed-size pool of solve workers, started lazily. Requests wait in FIFO order for a free worker;
 * a worker that dies fails its request and is replaced on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { MatchResult } from '../match/types.js';
import { deserializeSolveError, type SerializedSolveError, type SolveRequest, type Solver } from './solver.js';

type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: MatchResult }
  | { readonly id: number; readonly ok: false; readonly error: SerializedSolveError };

interface Task {
  readonly id: number;
  readonly request: SolveRequest;
  readonly resolve: (result: MatchResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/**
 * Starts a solve worker. After `npm run build` the worker is plain JavaScript. Under tsx or vitest
 * this module is TypeScript, and so is the worker: it is started through ts-worker-bootstrap.mjs,
 * which registers the tsx loader first (Node 20 does not pass `--import` loaders on to workers).
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./solve-worker.js', self));
  const entry = new URL('./solve-worker.ts', self).href;
  return new Worker(new URL('./ts-worker-bootstrap.mjs', self), { workerData: { entry } });
}

export function createWorkerSolver(size: number): Solver {
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(), task: undefined };
    slot.worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      slot.task = undefined;
      if (task && task.id === reply.id) {
        if (reply.ok) task.resolve(reply.result);
        else task.reject(deserializeSolveError(reply.error));
      }
      dispatch();
    });
    const fail = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      slot.task?.reject(new Error(`jobs/worker-pool: solve worker failed: ${error.message}`));
      slot.task = undefined;
      if (!closed) dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.task === undefined) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const task = queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, request: task.request });
    }
  };

  return {
    solve(request) {
      if (closed) return Promise.reject(new Error('jobs/worker-pool: closed'));
      return new Promise<MatchResult>((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject });
        dispatch();
      });
    },
    waiting: () => queue.length,
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('jobs/worker-pool: closed'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
