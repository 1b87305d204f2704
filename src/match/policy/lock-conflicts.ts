/**
 * Conflicts between locked pairs and the rules. A lock is an official's decision and is always
 * kept; where it breaks a rule, the rule yields for it and the result says so (a conflict with the
 * applied resolution "keep the lock" and the alternative "drop the lock").
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import type { ResolvedBudgets } from './budget-plan.js';
import type { LockFacts } from './lock-facts.js';
import type { PolicyOptions } from './options.js';
import type { RuleConflict } from './report-types.js';
import type { RuleModel } from './rule-model.js';

const keep = (what: string) => [
  { action: `keep the lock (the rule yields for ${what})`, applied: true },
  { action: 'drop the lock and solve again', applied: false },
];

export function lockConflicts(
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  policy: PolicyOptions,
  rules: RuleModel,
  locks: LockFacts,
  budgets: ResolvedBudgets,
): RuleConflict[] {
  const out: RuleConflict[] = [];
  for (const o of budgets.overspent) {
    out.push({ rules: [`budget ${o.kind} ${o.key}`, 'locked pairs'], explanation: `locked pairs give ${o.locked} yuan, the cap is ${o.cap}`, relaxations: keep('this cap') });
  }
  for (const lock of model.locks.locked) {
    const need = index.needs[candidates.need[lock.edge]!]!;
    const offer = index.offers[candidates.offer[lock.edge]!]!;
    const pair = `${need.id}←${offer.id}`;
    if (policy.noSecondFunding && need.governmentFunded && offer.form === 'funds') {
      out.push({ rules: ['noSecondFunding', `lock ${pair}`], explanation: `${need.id} already has government money`, relaxations: keep('this need') });
    }
    if (policy.minAllocation && model.mode === 'flow' && offer.minAllocation !== undefined && lock.amount < Math.min(offer.minAllocation, need.quantity)) {
      out.push({ rules: ['minAllocation', `lock ${pair}`], explanation: `locked ${lock.amount}, below ${offer.id}'s smallest allocation ${offer.minAllocation}`, relaxations: keep('this pair') });
    }
  }
  if (policy.maxPairings && model.mode === 'flow') {
    index.offers.forEach((offer, o) => {
      if (offer.maxPairings !== undefined && locks.lockedPairsOfOffer[o]! > offer.maxPairings) {
        out.push({ rules: ['maxPairings', `locks of ${offer.id}`], explanation: `${locks.lockedPairsOfOffer[o]} locked pairings, at most ${offer.maxPairings}`, relaxations: keep('this offer') });
      }
    });
  }
  const org = policy.onePerOrganisation;
  if (org?.by === 'community') {
    index.communities.forEach((c, i) => {
      if (locks.lockedProjectsOfCommunity[i]! > org.max) out.push({ rules: ['onePerOrganisation', `locks in ${c.id}`], explanation: `${locks.lockedProjectsOfCommunity[i]} funded projects locked, at most ${org.max}`, relaxations: keep('this community') });
    });
  }
  if (org?.by === 'provider') {
    for (const [name, k] of locks.lockedProjectsOfProvider) {
      if (k > org.max) out.push({ rules: ['onePerOrganisation', `locks of ${name}`], explanation: `${k} funded projects locked, at most ${org.max}`, relaxations: keep('this provider') });
    }
  }
  for (const g of rules.groups) {
    if (g.forced && g.blocked) {
      out.push({ rules: [g.rule, `locks in ${g.id}`], explanation: `locked pairs oblige completing ${g.id}, but a member cannot be met`, relaxations: keep('this group: it stays partly met') });
    }
  }
  return out;
}
