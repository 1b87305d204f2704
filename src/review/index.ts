export * from './resolve-options.js';
export * from './diff-runs.js';
