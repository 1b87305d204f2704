/**
 * A bounded cache of rendered answers (bodies as bytes), each kept with the revision of the data
 * it was rendered from. An entry is used only while its revision is the current one, so a change
 * to the data is never answered from the cache, whatever the entry's age.
 */

/** A rendered answer: its bytes and the strong ETag of those bytes. */
export interface Rendered {
  readonly body: Buffer;
  readonly etag: string;
}

interface Entry {
  readonly revision: number;
  readonly value: Rendered;
}

export class RenderedCache {
  /** In least-recently-used order (a Map iterates in insertion order; a hit is moved to the end). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** `maxBytes` bounds the bodies held (a page of 500 pairings is about 400 kB). */
  constructor(private readonly maxBytes: number) {}

  /** The answer rendered at `revision`, if it is still held. */
  get(key: string, revision: number): Rendered | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.revision !== revision) {
      this.bytes -= entry.value.body.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, revision: number, value: Rendered): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.value.body.length;
    }
    if (value.body.length > this.maxBytes) return;
    this.entries.set(key, { revision, value });
    this.bytes += value.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.value.body.length;
    }
  }

  /** Bytes of the bodies held (for tests and metrics). */
  get size(): number {
    return this.bytes;
  }
}
