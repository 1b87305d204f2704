/**
 * Who is calling: the key from `Authorization: Bearer KEY` (or `X-API-Key: KEY`), looked up by hash.
 * Which roles may call a route is part of the route's definition (see route.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store/ports.js';
import type { Actor, Role } from '../store/records.js';
import { hashApiKey } from './api-keys.js';
import { problems } from './problem.js';

/** The key a request presents (read from its headers as express's `req.get` would). */
function presentedKey(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers['authorization'];
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const apiKey = headerText(req.headers['x-api-key']);
  return apiKey?.trim() || undefined;
}

/** A header's value; Node keeps repeated unknown headers as one text, so this is for the types. */
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/** The actor of a public route's request (no key needed, none read). */
export const ANONYMOUS: Actor = { keyId: 'anonymous', name: 'anonymous', role: 'system' };

/**
 * Resolves the caller or throws 401. Keys found are cached by the store (a revocation drops them
 * at its commit), so a request costs one SHA-256 and a map lookup.
 */
export async function authenticate(store: Store, req: Pick<IncomingMessage, 'headers'>): Promise<Actor> {
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
