/**
 * API keys: random secrets shown once and stored only as a SHA-256 hash. A key is
 * `jd_<43 base64url chars>` (256 random bits), so hashing without a salt is safe: there is
 * nothing to guess from a dictionary.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Repositories } from '../store/ports.js';
import type { Actor, ApiKeyRecord, Role } from '../store/records.js';

const KEY_PREFIX = 'jd_';

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short random id with a prefix that says what it names (`run_3f9a…`). */
export function newId(prefix: string, bytes = 8): string {
  return `${prefix}_${randomBytes(bytes).toString('hex')}`;
}

export interface IssuedKey {
  readonly record: ApiKeyRecord;
  /** The secret: give it to its holder now, it cannot be shown again. */
  readonly secret: string;
}

/**
 * Creates a key in `tx` and records it in the audit log (without the secret).
 * @example
 * const { secret } = await store.transaction((tx) => issueApiKey(tx, { role: 'admin', name: 'ops', at, by }));
 */
export async function issueApiKey(
  tx: Repositories,
  request: { role: Role; name: string; at: string; by: Actor },
): Promise<IssuedKey> {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: newId('key'),
    name: request.name,
    role: request.role,
    hash: hashApiKey(secret),
    createdAt: request.at,
    revokedAt: null,
  };
  await tx.apiKeys.insert(record);
  await tx.audit.append({
    at: request.at,
    actor: request.by,
    action: 'key.create',
    entityType: 'api_key',
    entityId: record.id,
    before: null,
    after: publicKeyView(record),
  });
  return { record, secret };
}

/** What may be shown of a key: never its hash. */
export function publicKeyView(key: ApiKeyRecord) {
  return { id: key.id, name: key.name, role: key.role, createdAt: key.createdAt, revokedAt: key.revokedAt };
}
