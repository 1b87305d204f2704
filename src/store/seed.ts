import { defaultWeightProfile } from '../domain/weights.js';
import type { Repositories } from './ports.js';
import { SYSTEM_ACTOR } from './records.js';

/**
 * Gives a new database its default weight profile (version 1, from `defaultWeightProfile`) and
 * makes it the default. Does nothing once a default exists. Returns whether it seeded.
 */
export async function seedDefaultWeights(tx: Repositories, at: string, hash: string): Promise<boolean> {
  if ((await tx.weights.defaultVersion()) !== undefined) return false;
  const record = await tx.weights.insert({ name: defaultWeightProfile.name, profile: defaultWeightProfile, hash, createdBy: SYSTEM_ACTOR.keyId, createdAt: at });
  await tx.weights.setDefaultVersion(record.version);
  await tx.audit.append({
    at, actor: SYSTEM_ACTOR, action: 'weights.create', entityType: 'weight_profile', entityId: String(record.version),
    before: null, after: record.profile,
  });
  return true;
}
