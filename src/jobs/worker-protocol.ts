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

/** Runs in a worker: answers every task posted by the pool, one at a time. */
export function serveTasks<T, R>(name: string, handle: (task: T) => R, serializeError: (error: unknown) => unknown): void {
  if (!parentPort) throw new Error(`${name}: must run in a worker thread`);
  const port = parentPort;
  port.on('message', (message: WorkerRequest<T>) => {
    let reply: WorkerReply<R>;
    try {
      reply = { id: message.id, ok: true, value: handle(message.task) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: serializeError(error) };
    }
    port.postMessage(reply);
  });
}
