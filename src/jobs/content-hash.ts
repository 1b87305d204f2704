/**
 * The identity of stored data: SHA-256 of its canonical JSON (object keys sorted at every level),
 * so equal data always hashes equal whatever order its keys were written in. Batches, run input
 * snapshots, weight profiles and idempotent requests are named by it.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    // No prototype: a "__proto__" key in the data is then an ordinary property, not a setter.
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** SHA-256 (hex) of the canonical JSON of a value: the identity of a batch, a snapshot, a body. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
