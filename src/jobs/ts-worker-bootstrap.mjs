// Starts a TypeScript worker from source (tests, `tsx`): Node 20 does not hand `--import` loaders
// on to worker threads, so the worker registers tsx itself before importing its real entry.
// After `npm run build` workers are plain JavaScript and this file is not used.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
