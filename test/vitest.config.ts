import { defineConfig } from 'vitest/config';

// The config lives under test/ to keep the top level to what the project rules name.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // Compiles the WebAssembly solver core when it is missing or older than its source.
    globalSetup: ['test/support/build-wasm.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'var/test-report.json' },
  },
});
