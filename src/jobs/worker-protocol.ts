/**
 * Messages between a task pool (task-pool.ts) and its workers, and the worker side's loop:
 * `serveTasks(handle)` answers each `{ id, task }` with the handler's value or its error.
 */
import { parentPort } from 'node:worker_threads';

export interface WorkerRequest<T> {
  readonly id: number;
  readonly task: T;
}

export type WorkerReply<R> =
  | { readonly id: number; readonly ok: true; readonly value: R }
  | { readonly id: number; readonly ok: false; readonly error: unknown };

/**
 * Runs in a worker: answers every task posted by the pool (which sends a worker one task at a
 * time). A handler may be async (say, a spreadsheet reader that awaits its streams).
 */
export function serveTasks<T, R>(name: string, handle: (task: T) => R | Promise<R>, serializeError: (error: unknown) => unknown): void {
  if (!parentPort) throw new Error(`${name}: must run in a worker thread`);
  const port = parentPort;
  port.on('message', (message: WorkerRequest<T>) => {
    Promise.resolve()
      .then(() => handle(message.task))
      .then(
        (value): WorkerReply<R> => ({ id: message.id, ok: true, value }),
        (error: unknown): WorkerReply<R> => ({ id: message.id, ok: false, error: serializeError(error) }),
      )
      .then((reply) => port.postMessage(reply));
  });
}
