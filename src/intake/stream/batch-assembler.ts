/**
 * Builds the JSON value of a streamed document record by record: each top-level member and each
 * element of a top-level array is parsed on its own, so the value equals `JSON.parse` of the whole
 * text without that text ever existing as one string. A record that does not parse is located
 * (line and column in the whole document) the way `parseJson` locates errors.
 */
import type { RecordSink, TextPosition } from './json-record-scanner.js';
import { defineOwn, parseRecord } from './parse-record.js';

/** A RecordSink that assembles the document's value. */
export class BatchAssembler implements RecordSink {
  readonly root: Record<string, unknown> = {};
  /** Records parsed so far (for progress). */
  records = 0;
  private array: unknown[] = [];

  member(key: string, text: string, at: TextPosition): void {
    defineOwn(this.root, key, parseRecord(text, at));
  }

  arrayStart(key: string): void {
    this.array = [];
    defineOwn(this.root, key, this.array);
  }

  element(_key: string, _index: number, text: string, at: TextPosition): void {
    this.array.push(parseRecord(text, at));
    this.records++;
  }
}
