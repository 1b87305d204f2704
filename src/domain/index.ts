export * from './taxonomy.js';
export * from './units.js';
export * from './batch-schema.js';
export * from './weights.js';
export * from './issues.js';
