/**
 * A batch upload from its request body text to what the store writes: parse, validate with the
 * intake (every bad value named), prepare (prepare-batch.ts), and hash the request for
 * Idempotency-Key. Pure; for a city-sized upload this is most of a second of CPU, so it runs in the
 * intake worker.
 */
import type { InputIssue } from '../domain/issues.js';
import { validateBatch } from '../intake/load-batch.js';
import { contentHash } from './content-hash.js';
import { prepareBatch, type PreparedBatch } from './prepare-batch.js';

export interface UploadRequest {
  /** The body as received (JSON text; empty when there was none). */
  readonly text: string;
  /** When set, the request hash covers `{ query, body }` (see api/idempotency.ts). */
  readonly fingerprintQuery?: unknown;
}

export type UploadOutcome =
  | { readonly kind: 'ok'; readonly batch: PreparedBatch; readonly requestHash: string | undefined }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'invalid'; readonly issues: InputIssue[] };

/** Parses like the JSON body parser does (non-strict: any JSON value; an empty body is `{}`). */
function parseBody(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function prepareUpload(request: UploadRequest): UploadOutcome {
  const body = parseBody(request.text);
  if (!body.ok) return { kind: 'malformed', message: body.message };
  const result = validateBatch(body.value);
  if (!result.ok) return { kind: 'invalid', issues: result.issues };
  const requestHash = request.fingerprintQuery === undefined ? undefined : contentHash({ query: request.fingerprintQuery, body: body.value });
  return { kind: 'ok', batch: prepareBatch(result.batch), requestHash };
}
