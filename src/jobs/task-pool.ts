/**
 * A fixed-size pool of worker threads running one entry module, started lazily. Tasks wait in FIFO
 * order for a free worker; a worker that dies fails its task and is replaced on the next one.
 * The solver (worker-pool.ts) and the intake (intake-pool.ts) are both pools of this kind.
 *
 * Protocol: the pool posts `{ id, task }`; the worker answers `{ id, ok: true, value }` or
 * `{ id, ok: false, error }` (see worker-protocol.ts).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './worker-protocol.js';

interface Pending<T, R> {
  readonly id: number;
  readonly task: T;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot<T, R> {
  worker: Worker;
  current: Pending<T, R> | undefined;
}

export interface TaskPool<T, R> {
  run(task: T): Promise<R>;
  /** Tasks waiting for a free worker. */
  waiting(): number;
  close(): Promise<void>;
}

/**
 * Starts a worker for `entry` (a file next to this one, named without extension). After
 * `npm run build` it is plain JavaScript. Under tsx or vitest this module is TypeScript, and so is
 * the worker: it starts through ts-worker-bootstrap.mjs, which registers the tsx loader first
 * (Node 20 does not pass `--import` loaders on to workers).
 */
function startWorker(entry: string): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, self));
  return new Worker(new URL('./ts-worker-bootstrap.mjs', self), { workerData: { entry: new URL(`./${entry}.ts`, self).href } });
}

/**
 * @param entry worker module next to this file, without extension (`solve-worker`)
 * @param toError rebuilds a failure sent back by the worker as the error it was
 * @param name module prefix for this pool's own errors (`jobs/worker-pool`)
 */
export function createTaskPool<T, R>(size: number, entry: string, toError: (error: unknown) => Error, name: string): TaskPool<T, R> {
  const slots: Slot<T, R>[] = [];
  const queue: Pending<T, R>[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot<T, R> => {
    const slot: Slot<T, R> = { worker: startWorker(entry), current: undefined };
    slot.worker.on('message', (reply: WorkerReply<R>) => {
      const pending = slot.current;
      slot.current = undefined;
      if (pending && pending.id === reply.id) {
        if (reply.ok) pending.resolve(reply.value);
        else pending.reject(toError(reply.error));
      }
      dispatch();
    });
    const fail = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      slot.current?.reject(new Error(`${name}: worker failed: ${error.message}`));
      slot.current = undefined;
      if (!closed) dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.current === undefined) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const pending = queue.shift()!;
      slot.current = pending;
      slot.worker.postMessage({ id: pending.id, task: pending.task });
    }
  };

  return {
    run(task) {
      if (closed) return Promise.reject(new Error(`${name}: closed`));
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
    waiting: () => queue.length,
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error(`${name}: closed`));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
