/**
 * Re-checks a run's pairings against the rules it was given, from the batch alone: the test's
 * own reading of each rule, sharing no code with match/policy.
 */
import type { Batch } from '../../src/domain/batch-schema.js';
import type { MatchResult } from '../../src/match/types.js';
import { parsePolicyOptions, type PolicyOptionsInput } from '../../src/match/policy/options.js';

/** Every rule the pairings break, in words (empty when they keep them all). */
export function brokenRules(batch: Batch, input: PolicyOptionsInput, result: MatchResult): string[] {
  const policy = parsePolicyOptions(input);
  const needs = new Map(batch.needs.map((n) => [n.id, n]));
  const offers = new Map(batch.offers.map((o) => [o.id, o]));
  const district = new Map(batch.communities.map((c) => [c.id, c.district]));
  const got = new Map<string, number>();
  const pairingsOf = new Map<string, number>();
  const broken: string[] = [];
  for (const p of result.pairings) {
    const need = needs.get(p.need)!;
    const offer = offers.get(p.offer)!;
    got.set(p.need, (got.get(p.need) ?? 0) + p.amount);
    pairingsOf.set(p.offer, (pairingsOf.get(p.offer) ?? 0) + 1);
    if (policy.minAllocation && offer.minAllocation !== undefined && result.mode === 'flow' && !p.locked && p.amount < Math.min(offer.minAllocation, need.quantity)) {
      broken.push(`minAllocation ${p.offer}→${p.need}: ${p.amount}`);
    }
    if (policy.noSecondFunding && need.governmentFunded && offer.form === 'funds') broken.push(`noSecondFunding ${p.need}`);
  }
  const met = (id: string) => (got.get(id) ?? 0) >= needs.get(id)!.quantity;
  if (policy.allOrNothing && result.mode === 'flow') {
    for (const n of batch.needs) if (!n.partial && (got.get(n.id) ?? 0) > 0 && !met(n.id)) broken.push(`allOrNothing ${n.id}`);
  }
  if (policy.bundles) {
    const members = new Map<string, string[]>();
    for (const n of batch.needs) if (n.bundle !== undefined) members.set(n.bundle, [...(members.get(n.bundle) ?? []), n.id]);
    for (const [id, ids] of members) {
      const metCount = ids.filter(met).length;
      const touched = ids.filter((n) => (got.get(n) ?? 0) > 0).length;
      if (touched > 0 && metCount < ids.length) broken.push(`bundle ${id}`);
    }
  }
  if (policy.maxPairings && result.mode === 'flow') {
    for (const [o, k] of pairingsOf) if (offers.get(o)!.maxPairings !== undefined && k > offers.get(o)!.maxPairings!) broken.push(`maxPairings ${o}`);
  }
  const org = policy.onePerOrganisation;
  if (org) {
    const count = new Map<string, number>();
    for (const p of result.pairings) {
      const need = needs.get(p.need)!;
      const offer = offers.get(p.offer)!;
      if (need.form !== 'funds' || need.kind !== 'project') continue;
      const key = org.by === 'community' ? need.community : offer.provider.name;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    if (org.by === 'community') {
      // Count funded needs, not pairings, per community.
      const funded = new Map<string, Set<string>>();
      for (const p of result.pairings) {
        const need = needs.get(p.need)!;
        if (need.form === 'funds' && need.kind === 'project') funded.set(need.community, new Set([...(funded.get(need.community) ?? []), p.need]));
      }
      for (const [c, set] of funded) if (set.size > org.max) broken.push(`onePerOrganisation ${c}`);
    } else {
      for (const [key, k] of count) if (k > org.max) broken.push(`onePerOrganisation ${key}`);
    }
  }
  if (policy.budgets) {
    const spent = new Map<string, number>();
    let programme = 0;
    for (const p of result.pairings) {
      const offer = offers.get(p.offer)!;
      if (offer.form !== 'funds') continue;
      const d = district.get(needs.get(p.need)!.community)!;
      spent.set(d, (spent.get(d) ?? 0) + p.amount);
      if (policy.budgets.programmes.some((g) => g.offers.includes(offer.id) || g.providerKinds.includes(offer.provider.kind))) programme += p.amount;
    }
    for (const [d, cap] of Object.entries(policy.budgets.districts)) if ((spent.get(d) ?? 0) > cap) broken.push(`budget ${d}`);
    const pot = policy.budgets.programmes[0];
    if (pot && programme > pot.max) broken.push(`budget ${pot.id}`);
  }
  return broken;
}

/** Communities in the floor's scope with at least one need met in full. */
export function coveredCommunities(batch: Batch, input: PolicyOptionsInput, result: MatchResult): number {
  const policy = parsePolicyOptions(input);
  const scope = policy.coverageFloor?.communities ?? 'pilot';
  const got = new Map<string, number>();
  for (const p of result.pairings) got.set(p.need, (got.get(p.need) ?? 0) + p.amount);
  const covered = new Set<string>();
  for (const n of batch.needs) if ((got.get(n.id) ?? 0) >= n.quantity) covered.add(n.community);
  return batch.communities.filter((c) => (scope === 'all' || c.pilot) && covered.has(c.id)).length;
}
