/**
 * The part of the WebAssembly JavaScript API that wasm-core.ts uses. TypeScript declares it only
 * in its DOM libraries, which a Node project does not load, and @types/node 20 leaves it out.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array<ArrayBuffer>);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
}
