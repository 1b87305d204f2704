/**
 * Versions of the tables whose reads the store caches (API keys, run states, pairing counts), and
 * of each run's pairings (`pairings:<run id>`, the revision pages are cached by). A write
 * transaction notes which tables it touched; their versions move on when it commits, not before:
 * until the commit, readers still see the old rows, so a cached read of them is still right.
 * This is exact because one service process owns the database file and writes it through this
 * store (`jiedui keys create` only adds keys, and only found keys are cached).
 */
export class TableVersions {
  private readonly versions = new Map<string, number>();
  private readonly touched = new Set<string>();

  /** Called by a write: the table changes when the transaction commits. */
  touch(table: string): void {
    this.touched.add(table);
  }

  committed(): void {
    for (const table of this.touched) this.versions.set(table, this.version(table) + 1);
    this.touched.clear();
  }

  rolledBack(): void {
    this.touched.clear();
  }

  version(table: string): number {
    return this.versions.get(table) ?? 0;
  }
}

/**
 * A small cache of reads of one table, dropped whenever the table's version moves on. Bounded:
 * when full it starts over (the cached reads are cheap to redo; what matters is the hot few).
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { value: V; version: number; at: number }>();

  constructor(
    private readonly versions: TableVersions,
    private readonly table: string,
    private readonly options: { maxEntries: number; ttlMs: number },
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.versions.version(this.table) || performance.now() - entry.at > this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
    this.entries.set(key, { value, version: this.versions.version(this.table), at: performance.now() });
  }
}
