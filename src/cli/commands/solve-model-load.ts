/**
 * Reads a `solve-model` input file: `.tbin` and JSON up to TRANSPORT_JSON_STREAM_BYTES whole,
 * larger JSON in fixed-size reads fed to the streaming reader, so a province-size model never
 * exists as one string. Bad files become input errors that list every problem.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { InvalidInputError } from '../../domain/issues.js';
import {
  TRANSPORT_JSON_CHUNK_BYTES,
  TransportJsonStreamReader,
  TransportModelError,
  parseTransportBin,
  parseTransportJson,
  transportReadMode,
  type TransportModel,
  type TransportReadMode,
} from '../../solver/transport/index.js';

/** A model and how its file was read. */
export interface LoadedModel {
  readonly model: TransportModel;
  readonly mode: TransportReadMode;
  readonly bytes: number;
}

/** Reads and parses the model at `path`. Throws {@link InvalidInputError}. */
export function loadModelFile(path: string): LoadedModel {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = new Uint8Array(8);
    const headBytes = readSync(fd, head, 0, head.length, 0);
    const mode = transportReadMode(size, head.subarray(0, headBytes));
    return { model: readWith(mode, fd), mode, bytes: size };
  } catch (error) {
    throw asInputError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readWith(mode: TransportReadMode, fd: number): TransportModel {
  if (mode === 'json-stream') return streamJson(fd);
  const bytes = readFileSync(fd);
  return mode === 'tbin' ? parseTransportBin(bytes) : parseTransportJson(new TextDecoder().decode(bytes));
}

/** Feeds the file to the streaming reader in 1 MiB reads through one reused buffer. */
function streamJson(fd: number): TransportModel {
  const reader = new TransportJsonStreamReader();
  const buffer = new Uint8Array(TRANSPORT_JSON_CHUNK_BYTES);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) return reader.end();
    position += n;
    reader.feed(buffer.subarray(0, n));
  }
}

/** File system failures and bad content as input errors; anything else (a bug) as it is. */
function asInputError(path: string, error: unknown): unknown {
  if (error instanceof TransportModelError) {
    const issues = error.issues.map((i) => ({ path: i.path, code: 'invalid_model', message: i.message }));
    return new InvalidInputError(issues, `model ${path}`);
  }
  if (error instanceof Error && 'code' in error && 'syscall' in error) {
    return new InvalidInputError([{ path: [path], code: 'unreadable_file', message: `cannot read model: ${String(error.code)}` }], 'model');
  }
  return error;
}
