/**
 * Who is calling: the key from `Authorization: Bearer KEY` (or `X-API-Key: KEY`), looked up by hash.
 * Which roles may call a route is part of the route's definition (see route.ts).
 */
import type { Request } from 'express';
import type { Store } from '../store/ports.js';
import type { Actor, Role } from '../store/records.js';
import { hashApiKey } from './api-keys.js';
import { problems } from './problem.js';

function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const apiKey = req.get('x-api-key');
  return apiKey?.trim() || undefined;
}

/** Resolves the caller or throws 401. */
export async function authenticate(store: Store, req: Request): Promise<Actor> {
  const secret = presentedKey(req);
  if (secret === undefined) {
    throw problems.unauthenticated('send an API key as "Authorization: Bearer KEY" or "X-API-Key: KEY"');
  }
  const key = await store.read.apiKeys.findByHash(hashApiKey(secret));
  if (!key || key.revokedAt !== null) throw problems.unauthenticated('the API key is not valid');
  return { keyId: key.id, name: key.name, role: key.role };
}

/** Throws 403 unless the actor has one of the roles. */
export function authorize(actor: Actor, roles: readonly Role[]): void {
  if (actor.role === 'system') return;
  if (!roles.includes(actor.role)) {
    throw problems.forbidden(`role "${actor.role}" may not do this; allowed: ${roles.join(', ')}`);
  }
}
