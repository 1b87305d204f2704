import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './open-database.js';

/**
 * Prepares each SQL text once per connection and hands back the cached statement after that.
 * A statement's modes (`pluck`, `raw`) stick to it, so a query run in another mode needs its own
 * text (e.g. `SELECT body AS json …`).
 */
export function statementCache(db: SqliteDatabase): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

/** Builds `WHERE a = ? AND b = ?` from the filter entries that are set. */
export function whereClause(columns: Readonly<Record<string, unknown>>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    parts.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** JSON text of a column that may be NULL. */
export function parseJson<T>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}

/** How long a long insert may hold the event loop before it lets other work run. */
export const YIELD_EVERY_MS = 5;

/**
 * Lets the event loop run (and the read connection answer requests) in the middle of a long
 * insert. The transaction stays open on the writer connection; the serial queue keeps other
 * writers out, and readers only ever see the last commit.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Rows a long insert writes at most between two yields, however fast they go. */
export const ROWS_PER_YIELD = 2_000;

/**
 * A slicer for long loops: call it before each row; it hands back a promise to await (a yield to
 * the event loop) once `budgetMs` have passed or `maxRows` rows were done since the last yield,
 * else undefined. Time bounds the stall (rows differ in cost, and so does the machine's load);
 * the row count keeps a fast insert yielding too.
 */
export function timeSlicer(budgetMs = YIELD_EVERY_MS, maxRows = ROWS_PER_YIELD): () => Promise<void> | undefined {
  let since = performance.now();
  let rows = 0;
  return () => {
    if (++rows <= maxRows && performance.now() - since < budgetMs) return undefined;
    return yieldToEventLoop().then(() => {
      since = performance.now();
      rows = 0;
    });
  };
}
