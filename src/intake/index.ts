export * from './load-batch.js';
export * from './load-weights.js';
export * from './parse-json.js';
export * from './normalise.js';
export * from './cross-check.js';
export * from './zod-issues.js';
export * from './nearest-id.js';
export { salvageBatch, sectionsOfValidBatch, type RecordSection, type SalvagedBatch } from './salvage.js';
