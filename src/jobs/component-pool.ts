/**
 * Worker threads for the solve stage of one large run (match/parallel's ComponentWorkers port):
 * each worker gets its whole list of component networks at once and answers them in order. Not
 * the service's run pool (worker-pool.ts), which runs whole matchings side by side; this one
 * splits a single matching over the machine's cores.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ComponentJob, ComponentWorkers } from '../match/parallel/solve-components-parallel.js';
import type { ComponentSolution } from '../match/solve/solve-components.js';
import { deserializeSolveError, type SerializedSolveError } from './solver.js';

type Reply =
  | { readonly id: number; readonly ok: true; readonly solution: ComponentSolution }
  | { readonly id: number; readonly ok: false; readonly error: SerializedSolveError };

interface Waiting {
  readonly resolve: (solution: ComponentSolution) => void;
  readonly reject: (error: Error) => void;
}

/** A started worker thread and the answers it owes. */
interface Lane {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiting>;
}

/** Starts a component worker; from TypeScript sources through the tsx bootstrap (as worker-pool.ts). */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./component-worker.js', self));
  const entry = new URL('./component-worker.ts', self).href;
  return new Worker(new URL('./ts-worker-bootstrap.mjs', self), { workerData: { entry } });
}

export interface ComponentPool extends ComponentWorkers {
  /** Stops the workers (pending solves are rejected). */
  close(): Promise<void>;
}

/**
 * Workers to use by default: the cores the machine has to spare right now besides the calling
 * thread's (by the 1-minute load average). A worker on a core that is already busy only adds
 * copying and contention: measured on this 2-core machine under load, the solve got slower.
 */
export function defaultComponentWorkers(cores: number = availableParallelism(), load: number = loadavg()[0] ?? 0): number {
  return Math.max(0, Math.min(cores - 1, Math.floor(cores - 1 - load + 0.5)));
}

/** A pool of `count` component workers, started on first use. */
export function createComponentPool(count: number = defaultComponentWorkers()): ComponentPool {
  const lanes: Array<Lane | undefined> = new Array(count).fill(undefined);
  let nextId = 1;
  let closed = false;

  const lane = (w: number): Lane => {
    const existing = lanes[w];
    if (existing) return existing;
    const started: Lane = { worker: startWorker(), waiting: new Map() };
    started.worker.on('message', (reply: Reply) => {
      const waiting = started.waiting.get(reply.id);
      started.waiting.delete(reply.id);
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.solution);
      else waiting.reject(deserializeSolveError(reply.error));
    });
    const fail = (error: Error) => {
      lanes[w] = undefined;
      for (const waiting of started.waiting.values()) waiting.reject(new Error(`jobs/component-pool: worker failed: ${error.message}`));
      started.waiting.clear();
    };
    started.worker.on('error', fail);
    started.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    lanes[w] = started;
    return started;
  };

  return {
    count,
    solveOn(w: number, jobs: readonly ComponentJob[]): Promise<ComponentSolution[]> {
      if (closed) return Promise.reject(new Error('jobs/component-pool: closed'));
      if (!(w >= 0 && w < count)) return Promise.reject(new RangeError(`jobs/component-pool: no worker ${w} (pool of ${count})`));
      const target = lane(w);
      return Promise.all(
        jobs.map(
          (job) =>
            new Promise<ComponentSolution>((resolve, reject) => {
              const id = nextId++;
              target.waiting.set(id, { resolve, reject });
              target.worker.postMessage({ id, label: job.label, network: job.network });
            }),
        ),
      );
    },
    async close() {
      closed = true;
      const running = lanes.filter((l): l is Lane => l !== undefined);
      lanes.fill(undefined);
      await Promise.all(running.map((l) => l.worker.terminate()));
    },
  };
}
