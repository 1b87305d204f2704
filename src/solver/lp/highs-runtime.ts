/**
 * The HiGHS solver (WebAssembly, the `highs` package), loaded once per process.
 *
 * Loading is asynchronous (about 0.2 s: compiling and starting the module), solving is not; the
 * pipeline is synchronous (runMatching returns its result), so the module is loaded here with a
 * top-level await and every importer waits for it once, at import time. This keeps runs
 * deterministic: a run never depends on whether the solver happened to be loaded yet.
 */
import highsModule from 'highs';
import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

/**
 * The package's types describe its CommonJS build (the loader under `default`), while Node's ESM
 * loader hands out its .mjs build whose default export is the loader itself; accept either.
 */
const loadHighs: Loader =
  (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

/** The loaded HiGHS runtime. */
export const highs: Highs = await loadHighs();
