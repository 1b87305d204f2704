/**
 * Idempotency-Key handling (after draft-ietf-httpapi-idempotency-key-header): the first answer to a
 * key is stored with a hash of the request; the same key with the same request gets that answer
 * again, the same key with a different request is 409. Runs inside the request's transaction, so
 * the stored answer commits together with what it describes, and concurrent retries serialise.
 */
import type { Request } from 'express';
import type { Repositories } from '../store/ports.js';
import type { Actor } from '../store/records.js';
import { contentHash } from './canonical-hash.js';
import { problemErrors, problems } from './problem.js';
import type { Reply } from './route.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The key sent with a request, validated (1–200 visible ASCII characters), or undefined. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw problems.invalidInput(
      problemErrors([{ path: [IDEMPOTENCY_HEADER], code: 'invalid_format', message: 'must be 1–200 visible ASCII characters' }], 'header'),
    );
  }
  return key;
}

export async function idempotent(
  tx: Repositories,
  request: {
    req: Request;
    actor: Actor;
    key: string | undefined;
    /** What identifies the request: hashed here, unless `requestHash` was computed already (off the event loop). */
    fingerprint?: unknown;
    requestHash?: string | undefined;
    at: string;
  },
  work: () => Promise<Reply>,
): Promise<Reply> {
  if (request.key === undefined) return work();
  const scope = `${request.actor.keyId} ${request.req.method} ${request.req.baseUrl}${request.req.path}`;
  const requestHash = request.requestHash ?? contentHash(request.fingerprint);
  const earlier = await tx.idempotency.get(scope, request.key);
  if (earlier) {
    if (earlier.requestHash !== requestHash) {
      throw problems.conflict('idempotency-key-reused', `Idempotency-Key "${request.key}" was used with a different request`);
    }
    return { status: earlier.status, body: earlier.body, headers: { 'Idempotent-Replayed': 'true' } };
  }
  const reply = await work();
  await tx.idempotency.put({ scope, key: request.key, requestHash, status: reply.status, body: reply.body ?? null, createdAt: request.at });
  return reply;
}
