import type { Repositories, Store } from '../ports.js';
import { sqliteApiKeys } from './api-key-repository.js';
import { sqliteAudit } from './audit-repository.js';
import { sqliteBatches } from './batch-repository.js';
import { sqliteIdempotency } from './idempotency-repository.js';
import { sqliteNeeds } from './need-repository.js';
import { openReader, openWriter, type SqliteDatabase } from './open-database.js';
import { sqlitePairings } from './pairing-repository.js';
import { sqliteRuns } from './run-repository.js';
import { createCheckpointer } from './checkpointer.js';
import { SerialQueue } from './serial-queue.js';
import { TableVersions } from './table-versions.js';
import { sqliteUnmet } from './unmet-repository.js';
import { sqliteWeightProfiles } from './weight-profile-repository.js';

/** Repositories on one connection: `read` ones may cache (see table-versions.ts), `write` ones note what they change. */
function repositories(db: SqliteDatabase, versions: TableVersions, role: 'read' | 'write'): Repositories {
  return {
    apiKeys: sqliteApiKeys(db, versions, role),
    batches: sqliteBatches(db),
    needs: sqliteNeeds(db),
    weights: sqliteWeightProfiles(db),
    runs: sqliteRuns(db, versions, role),
    pairings: sqlitePairings(db, versions, role),
    unmet: sqliteUnmet(db),
    audit: sqliteAudit(db),
    idempotency: sqliteIdempotency(db),
  };
}

/**
 * The SQLite store: one writer connection whose transactions run one at a time (SerialQueue), and
 * one read-only connection that, under WAL, only ever sees committed data.
 *
 * @example
 * const store = openSqliteStore('var/jiedui.db');
 * await store.transaction(async (tx) => tx.audit.append(entry));
 */
export function openSqliteStore(file: string): Store {
  const writer = openWriter(file);
  const reader = openReader(file);
  const versions = new TableVersions();
  const checkpointer = createCheckpointer(writer, file);
  const writeRepos = repositories(writer, versions, 'write');
  const queue = new SerialQueue();
  const probe = reader.prepare('SELECT 1');
  let closed = false;

  return {
    read: repositories(reader, versions, 'read'),
    transaction(work) {
      return queue.run(async () => {
        if (closed) throw new Error('store/sqlite: store is closed');
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(writeRepos);
          writer.exec('COMMIT');
          versions.committed();
          checkpointer.committed();
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          versions.rolledBack();
          throw error;
        }
      });
    },
    async ping() {
      if (closed) return false;
      try {
        probe.get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      await queue.drain();
      closed = true;
      await checkpointer.close();
      reader.close();
      writer.close();
    },
  };
}
