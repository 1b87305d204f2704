/**
 * Streaming batch intake: a batch file (JSON or NDJSON) read in chunks and parsed record by
 * record, then validated exactly as `validateBatch` validates an in-memory value (same issues,
 * same paths). `loadBatchFile` picks the plain reader for files inside the comfort zone of one
 * JSON string and the streaming reader above it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { InputIssue } from '../../domain/issues.js';
import { InvalidInputError } from '../../domain/issues.js';
import type { Batch } from '../../domain/batch-schema.js';
import { parseBatch, validateBatch, type IntakeResult } from '../load-batch.js';
import { BatchAssembler } from './batch-assembler.js';
import { RecordSyntaxError, malformedJsonIssue, parseRecord, positionWithin } from './parse-record.js';
import { JsonRecordScanner, JsonStructureError } from './json-record-scanner.js';
import { NdjsonBatchAssembler, withLineNumbers } from './ndjson-batch.js';
import { sortIssuesByPath } from '../issue-order.js';

/**
 * Above this size a batch file is streamed. One JSON string of a 64 MiB file takes up to 128 MiB
 * (UTF-16) next to its parse tree and the validated copy, for no gain over reading record by
 * record; and V8 cannot hold a string past 2^29 − 24 characters (~0.5 GiB) at all.
 */
export const JSON_STRING_COMFORT_BYTES = 64 * 1024 * 1024;

/** How far a streaming read has come. */
export interface StreamProgress {
  readonly bytes: number;
  /** Total size when known (files). */
  readonly totalBytes?: number;
  readonly records: number;
}

export interface StreamReadOptions {
  /** `ndjson` for one tagged record per line (see ndjson-batch.ts); default `json`. */
  readonly format?: 'json' | 'ndjson';
  /** Called after every chunk. */
  readonly onProgress?: (progress: StreamProgress) => void;
  readonly chunkBytes?: number;
}

/** The format a file name suggests: `.ndjson` and `.jsonl` are NDJSON, anything else JSON. */
export function batchFormatOf(path: string): 'json' | 'ndjson' {
  return /\.(ndjson|jsonl)$/i.test(path) ? 'ndjson' : 'json';
}

/** Feeds chunks to the reader of a format and turns its outcome into an intake result. */
class StreamingBatchReader {
  private readonly json?: { scanner: JsonRecordScanner; assembler: BatchAssembler };
  private readonly ndjson?: NdjsonBatchAssembler;
  private failure: InputIssue | undefined;
  bytes = 0;

  constructor(format: 'json' | 'ndjson') {
    if (format === 'ndjson') this.ndjson = new NdjsonBatchAssembler();
    else {
      const assembler = new BatchAssembler();
      this.json = { scanner: new JsonRecordScanner(assembler), assembler };
    }
  }

  get records(): number {
    return this.ndjson?.records ?? this.json?.assembler.records ?? 0;
  }

  /** Whether more input is wanted (false once the JSON is known to be malformed). */
  feed(chunk: Uint8Array): boolean {
    this.bytes += chunk.length;
    if (this.failure) return false;
    if (this.ndjson) this.ndjson.feed(chunk);
    else this.guard(() => this.json!.scanner.feed(chunk));
    return this.failure === undefined;
  }

  finish(): IntakeResult {
    if (this.ndjson) return this.finishNdjson(this.ndjson);
    if (this.failure) return { ok: false, issues: [this.failure] };
    let notAnObject: Uint8Array[] | undefined;
    this.guard(() => (notAnObject = this.json!.scanner.end().notAnObject));
    if (this.failure) return { ok: false, issues: [this.failure] };
    // Not an object: a batch it cannot be, but let the plain reader say why in its words.
    if (notAnObject) return parseBatch(Buffer.concat(notAnObject).toString('utf8'));
    return validateBatch(this.json!.assembler.root);
  }

  private finishNdjson(ndjson: NdjsonBatchAssembler): IntakeResult {
    const root = ndjson.end();
    const result = validateBatch(root);
    if (result.ok && ndjson.lineIssues.length === 0) return result;
    const issues = result.ok ? [] : withLineNumbers(result.issues, ndjson);
    return { ok: false, issues: sortIssuesByPath([...ndjson.lineIssues, ...issues], root) };
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.failure = syntaxIssue(error);
    }
  }
}

function syntaxIssue(error: unknown): InputIssue {
  if (error instanceof RecordSyntaxError) return malformedJsonIssue(error.at, error.reason);
  if (error instanceof JsonStructureError) {
    // Input ended inside a value: say where that value goes wrong, as the whole-text scanner would.
    if (error.partial) {
      try {
        parseRecord(error.partial.text, error.partial.at);
      } catch (inner) {
        if (inner instanceof RecordSyntaxError) return malformedJsonIssue(inner.at, inner.reason);
      }
      return malformedJsonIssue(positionWithin(error.partial.at, error.partial.text, error.partial.text.length), error.reason);
    }
    return malformedJsonIssue(error.at, error.reason);
  }
  throw error;
}

/** Reads and validates a batch file chunk by chunk (synchronously: the CLI has nothing else to do). */
export function readBatchFileStreaming(path: string, options: StreamReadOptions = {}): IntakeResult {
  const fd = openFile(path);
  if (typeof fd !== 'number') return fd;
  const totalBytes = statSync(path).size;
  const reader = new StreamingBatchReader(options.format ?? batchFormatOf(path));
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 4 * 1024 * 1024);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0 || !reader.feed(buffer.subarray(0, n))) break;
      options.onProgress?.({ bytes: reader.bytes, totalBytes, records: reader.records });
    }
  } finally {
    closeSync(fd);
  }
  return reader.finish();
}

/** Reads and validates a batch from any byte stream (an upload, a pipe). */
export async function readBatchStream(source: AsyncIterable<Uint8Array>, options: StreamReadOptions = {}): Promise<IntakeResult> {
  const reader = new StreamingBatchReader(options.format ?? 'json');
  for await (const chunk of source) {
    if (!reader.feed(chunk)) break;
    options.onProgress?.({ bytes: reader.bytes, records: reader.records });
  }
  return reader.finish();
}

/**
 * A batch file, validated: read whole when it is small, streamed when it is larger than
 * {@link JSON_STRING_COMFORT_BYTES} or NDJSON. Unreadable files become an `unreadable_file` issue.
 */
export function loadBatchFile(path: string, options: StreamReadOptions = {}): IntakeResult {
  const size = fileSize(path);
  if (typeof size !== 'number') return size;
  const format = options.format ?? batchFormatOf(path);
  if (format === 'json' && size <= JSON_STRING_COMFORT_BYTES) {
    const fd = openFile(path);
    if (typeof fd !== 'number') return fd;
    try {
      const bytes = Buffer.alloc(size);
      let at = 0;
      while (at < size) {
        const n = readSync(fd, bytes, at, size - at, null);
        if (n === 0) break;
        at += n;
      }
      options.onProgress?.({ bytes: at, totalBytes: size, records: 0 });
      return parseBatch(bytes.toString('utf8', 0, at));
    } finally {
      closeSync(fd);
    }
  }
  return readBatchFileStreaming(path, { ...options, format });
}

/** {@link loadBatchFile}, throwing `InvalidInputError` with every issue when the batch is bad. */
export function loadBatchFileOrThrow(path: string, options: StreamReadOptions = {}): Batch {
  const result = loadBatchFile(path, options);
  if (!result.ok) throw new InvalidInputError(result.issues, 'intake: batch');
  return result.batch;
}

function unreadable(path: string, error: unknown): { ok: false; issues: InputIssue[] } {
  const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
  return { ok: false, issues: [{ path: [path], code: 'unreadable_file', message: `cannot read batch: ${reason}` }] };
}

function openFile(path: string): number | { ok: false; issues: InputIssue[] } {
  try {
    return openSync(path, 'r');
  } catch (error) {
    return unreadable(path, error);
  }
}

function fileSize(path: string): number | { ok: false; issues: InputIssue[] } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return unreadable(path, Object.assign(new Error('directory'), { code: 'EISDIR' }));
    return stat.size;
  } catch (error) {
    return unreadable(path, error);
  }
}
