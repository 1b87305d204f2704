/**
 * vitest global setup: the tests run the TypeScript sources, but the network simplex core is
 * AssemblyScript compiled to WebAssembly by `npm run build`. Compiling it here (only when the
 * .wasm is missing or older than its source) keeps a test run honest after an edit to the core.
 */
// @ts-expect-error: a plain ESM build script without type declarations
import { buildSimplexWasm } from '../../src/solver/min-cost-flow/assembly/build.mjs';

export default function setup(): void {
  (buildSimplexWasm as () => string)();
}
