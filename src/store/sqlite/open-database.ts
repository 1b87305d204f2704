import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from '../migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating folder and file if needed) a database for writing: WAL mode, so readers never
 * wait for the writer; foreign keys on; a busy timeout so a second process (`jiedui keys create`
 * while the server runs) waits instead of failing. Applies pending migrations.
 */
export function openWriter(file: string, migrations: readonly Migration[] = allMigrations): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A small page cache: a long insert spills its pages to the log as it goes (in its time
  // slices) instead of writing them all in the COMMIT, on the event loop. Readers have their own.
  db.pragma('cache_size = -2000');
  migrate(db, migrations);
  return db;
}

/** A second connection for reads: under WAL it sees the last commit, never a transaction in flight. */
export function openReader(file: string): SqliteDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Applies, each in its own transaction, the migrations newer than the database's version. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    applied.push(migration.version);
  }
  return applied;
}
