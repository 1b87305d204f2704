/**
 * Schema migrations, in order. A migration is never edited once released: a schema change is a new
 * file with the next version. The SQLite adapter applies the ones a database has not seen yet.
 */
import { initial } from './001-initial.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [initial];
