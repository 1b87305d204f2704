/**
 * Reads the `transport/v1` JSON format from byte chunks, for models too large to hold
 * comfortably as one string (the province model is ~101 MiB of JSON): the chunks are scanned as
 * they come and the numbers go straight into the model's typed arrays, so neither the text nor a
 * tree of JS values of the document ever exists. The result, and every reported problem, is the
 * same as {@link parseTransportJson}'s on the same bytes (test/solver/transport-stream*.test.ts);
 * only the wording of a JSON syntax error differs: it names the byte offset, line and column
 * where the input stops being JSON.
 *
 * This module does no I/O: callers feed chunks (the CLI reads the file in fixed-size pieces).
 */
import { JsonSyntaxError } from './json-stream-text.js';
import { TransportJsonScanner } from './transport-json-scanner.js';
import { TransportModelError, type TransportModel } from '../transport-model.js';

/** Chunk size {@link parseTransportJsonBytes} feeds, and a good size for file reads (1 MiB). */
export const TRANSPORT_JSON_CHUNK_BYTES = 1024 * 1024;

/**
 * A push reader: `feed` each chunk in order, then `end` for the model. Both throw
 * {@link TransportModelError}: `feed` as soon as the input is not JSON (with the byte offset),
 * `end` when the document is unfinished or its content is invalid (every problem, with its path).
 * Chunks may be reused by the caller after `feed` returns.
 */
export class TransportJsonStreamReader {
  private readonly scanner = new TransportJsonScanner();
  private failure: TransportModelError | undefined;
  private ended = false;

  /** Bytes fed so far. */
  get bytes(): number {
    return this.scanner.base;
  }

  feed(chunk: Uint8Array): void {
    this.guard(() => this.scanner.feed(chunk));
  }

  end(): TransportModel {
    if (this.ended && this.failure === undefined) throw new Error('solver/transport: TransportJsonStreamReader.end called twice');
    this.guard(() => this.scanner.end());
    this.ended = true;
    return this.scanner.document.toModel();
  }

  private guard(step: () => void): void {
    if (this.failure) throw this.failure;
    try {
      step();
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      this.failure = new TransportModelError([{ path: [], message: `not JSON: ${error.reason} at byte ${error.offset} (line ${error.line}, column ${error.column})` }]);
      throw this.failure;
    }
  }
}

/** Reads a model from chunks in order. Throws {@link TransportModelError}. */
export function parseTransportJsonChunks(chunks: Iterable<Uint8Array>): TransportModel {
  const reader = new TransportJsonStreamReader();
  for (const chunk of chunks) reader.feed(chunk);
  return reader.end();
}

/** Reads a model from an async byte source (a file or network stream). Throws {@link TransportModelError}. */
export async function readTransportJsonStream(source: AsyncIterable<Uint8Array>): Promise<TransportModel> {
  const reader = new TransportJsonStreamReader();
  for await (const chunk of source) reader.feed(chunk);
  return reader.end();
}

/**
 * Reads a model from bytes already in memory without decoding them to one string: for large
 * byte arrays this avoids the string and the parse tree next to them.
 */
export function parseTransportJsonBytes(bytes: Uint8Array, chunkBytes = TRANSPORT_JSON_CHUNK_BYTES): TransportModel {
  const reader = new TransportJsonStreamReader();
  for (let at = 0; at < bytes.length; at += chunkBytes) reader.feed(bytes.subarray(at, Math.min(bytes.length, at + chunkBytes)));
  return reader.end();
}
