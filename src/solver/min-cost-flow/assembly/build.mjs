#!/usr/bin/env node
/**
 * Compiles the network simplex (AssemblyScript, ./network-simplex.ts) to WebAssembly, next to
 * the compiled JavaScript that loads it: dist/solver/min-cost-flow/network-simplex.wasm, or
 * DIR/solver/min-cost-flow/network-simplex.wasm with `--out DIR` (DIR being a tsc outDir).
 * Skips the compile when the .wasm is newer than its source (so `npm test` can call it cheaply).
 *
 *   node src/solver/min-cost-flow/assembly/build.mjs [--out DIR] [--force]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const source = join(here, 'network-simplex.ts');

/** Where the .wasm goes for a tsc outDir (the loader looks next to its own compiled file). */
export function wasmPathFor(outDir) {
  return join(outDir, 'solver/min-cost-flow/network-simplex.wasm');
}

/** Compiles when the output is missing or older than the source; returns the output path. */
export function buildSimplexWasm({ outDir = join(root, 'dist'), force = false } = {}) {
  const out = wasmPathFor(outDir);
  if (!force && existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(dirname(out), { recursive: true });
  const asc = createRequire(import.meta.url).resolve('assemblyscript/bin/asc.js');
  // --runtime stub: the module allocates nothing managed (raw loads and stores only);
  // --noAssert: no trap checks beyond WebAssembly's own memory bounds.
  execFileSync(process.execPath, [asc, source, '-O3', '--runtime', 'stub', '--noAssert', '--outFile', out], { stdio: 'inherit' });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const outDir = i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : join(root, 'dist');
  buildSimplexWasm({ outDir, force: process.argv.includes('--force') });
}
