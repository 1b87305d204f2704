export * from './ports.js';
export * from './records.js';
export { openSqliteStore } from './sqlite/sqlite-store.js';
