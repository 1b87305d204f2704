/**
 * Loads the network simplex compiled to WebAssembly (assembly/network-simplex.ts, built by
 * `npm run build` into dist/solver/min-cost-flow/network-simplex.wasm) and keeps one instance
 * per thread. Compiling is synchronous and takes about a millisecond (the module is ~5 KB), so
 * solving stays a plain synchronous call.
 *
 * Reading the .wasm file is this module's one piece of I/O; it happens once per thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

/** The module's exports (see assembly/network-simplex.ts for what each does). */
export interface SimplexCore {
  readonly memory: WebAssembly.Memory;
  layout(nodeCount: number, arcCount: number, candidatesPerNode: number): number;
  sourcePtr(): number;
  targetPtr(): number;
  capPtr(): number;
  costPtr(): number;
  supplyPtr(): number;
  flowOutPtr(): number;
  potentialPtr(): number;
  iterationCount(): number;
  check(): number;
  maxAbsCostOf(): number;
  costTimesCapacityOf(): number;
  capacitySumOf(): number;
  positiveSupplyOf(): number;
  flowCostOf(): number;
  begin(firstEligible: number, blockSize: number, artificialCost: number): void;
  advance(limit: number): number;
  finish(): number;
  // Single steps of `advance`, and the spanning tree's arrays: for tests that check invariants per pivot.
  enter(): number;
  pivot(): void;
  flowPtr(): number;
  orderPtr(): number;
  reversedPtr(): number;
  parentPtr(): number;
  predPtr(): number;
  predDirPtr(): number;
  threadPtr(): number;
  revThreadPtr(): number;
  succNumPtr(): number;
  lastSuccPtr(): number;
}

/** What `finish` returns. */
export const CORE_STATUS_OPTIMAL = 0;
export const CORE_STATUS_INFEASIBLE = 1;

/** Memory kept between solves; a larger one is dropped after its solve (memory never shrinks). */
const KEEP_MEMORY_BYTES = 256 * 1024 * 1024;

/** Thrown when the compiled solver is missing (the project was not built). */
export class SimplexCoreMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(`solver/min-cost-flow: network-simplex.wasm not found (run \`npm run build\`); looked in ${tried.join(', ')}`);
    this.name = 'SimplexCoreMissingError';
  }
}

let compiled: WebAssembly.Module | undefined;
let instance: SimplexCore | undefined;

/** The thread's solver instance, compiled and instantiated on first use. */
export function simplexCore(): SimplexCore {
  if (instance) return instance;
  compiled ??= compileOptimised(readFileSync(locateWasm()));
  instance = new WebAssembly.Instance(compiled, {
    env: {
      abort: () => {
        throw new Error('solver/min-cost-flow: the WebAssembly core aborted');
      },
    },
  }).exports as unknown as SimplexCore;
  return instance;
}

/**
 * Compiles and instantiates the core ahead of the first solve (a one-shot CLI calls it while
 * loading, so a solve's timing does not include compiling the module, as a C++ solver's does
 * not include loading its binary).
 */
export function prepareSimplexCore(): void {
  simplexCore();
}

/** Lets a large instance's memory be collected; the next solve instantiates afresh. */
export function releaseLargeCoreMemory(): void {
  if (instance && instance.memory.buffer.byteLength > KEEP_MEMORY_BYTES) instance = undefined;
}

/**
 * Compiles every function of the module with V8's optimising compiler at once. By default V8
 * compiles WebAssembly lazily with its baseline compiler and swaps in optimised code only for
 * later calls; a solve is one long call, so a fresh process (a one-shot `jiedui solve-model`)
 * would pivot in baseline code throughout. The module is ~5 KB, so compiling it eagerly costs
 * about a millisecond. The two flags are set back at once, so other modules (HiGHS) compile as
 * usual.
 */
function compileOptimised(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module {
  setFlagsFromString('--no-liftoff');
  setFlagsFromString('--no-wasm-lazy-compilation');
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    setFlagsFromString('--liftoff');
    setFlagsFromString('--wasm-lazy-compilation');
  }
}

/**
 * Next to this file when running compiled code (any tsc outDir), else the project's dist/ when
 * running the TypeScript sources (tests, tsx).
 */
function locateWasm(): string {
  const tried = [new URL('./network-simplex.wasm', import.meta.url), new URL('../../../dist/solver/min-cost-flow/network-simplex.wasm', import.meta.url)].map(
    (url) => fileURLToPath(url),
  );
  const found = tried.find((path) => existsSync(path));
  if (!found) throw new SimplexCoreMissingError(tried);
  return found;
}
