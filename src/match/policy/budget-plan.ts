/**
 * Budget caps against a batch: which programme each offer belongs to, and what is left of every
 * cap once locked pairs have taken their yuan. Caps that name nothing in the batch, and offers
 * claimed by two programmes, are input errors (listed all at once).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { LockPlan } from '../model/locks.js';
import { InvalidInputError, type InputIssue } from '../../domain/issues.js';
import type { BudgetCaps } from './options.js';
import type { BudgetPlan } from './blocks.js';

/** A cap that locked pairs alone already exceed. */
export interface OverspentCap {
  readonly kind: 'district' | 'programme';
  readonly key: string;
  readonly cap: number;
  readonly locked: number;
}

export interface ResolvedBudgets extends BudgetPlan {
  readonly overspent: readonly OverspentCap[];
}

export const emptyBudgetPlan: ResolvedBudgets = {
  districtCap: new Map(),
  programmeCap: new Map(),
  programmeOfOffer: [],
  overspent: [],
};

/** Resolves the caps; throws InvalidInputError for unknown districts/offers and overlapping programmes. */
export function resolveBudgets(index: BatchIndex, candidates: CandidateSet, locks: LockPlan, caps: BudgetCaps | undefined): ResolvedBudgets {
  if (!caps) return emptyBudgetPlan;
  const issues: InputIssue[] = [];
  const districts = new Set(index.communities.map((c) => c.district));
  for (const d of Object.keys(caps.districts)) {
    if (!districts.has(d)) issues.push({ path: ['policy', 'budgets', 'districts', d], code: 'unknown_reference', message: `no community in district ${d}` });
  }
  const programmeOfOffer = assignProgrammes(index, caps, issues);
  if (issues.length > 0) throw new InvalidInputError(issues, 'policy budgets');
  const lockedDistrict = new Map<string, number>();
  const lockedProgramme = new Map<string, number>();
  for (const lock of locks.locked) {
    const o = candidates.offer[lock.edge]!;
    if (index.offers[o]!.form !== 'funds') continue;
    const district = index.communities[index.needCommunity[candidates.need[lock.edge]!]!]!.district;
    lockedDistrict.set(district, (lockedDistrict.get(district) ?? 0) + lock.amount);
    const p = programmeOfOffer[o];
    if (p !== undefined) lockedProgramme.set(p, (lockedProgramme.get(p) ?? 0) + lock.amount);
  }
  const overspent: OverspentCap[] = [];
  const residual = (kind: OverspentCap['kind'], key: string, cap: number, locked: number) => {
    if (locked > cap) overspent.push({ kind, key, cap, locked });
    return Math.max(0, cap - locked);
  };
  const districtCap = new Map(Object.entries(caps.districts).map(([d, cap]) => [d, residual('district', d, cap, lockedDistrict.get(d) ?? 0)] as const));
  const programmeCap = new Map(caps.programmes.map((p) => [p.id, residual('programme', p.id, p.max, lockedProgramme.get(p.id) ?? 0)] as const));
  return { districtCap, programmeCap, programmeOfOffer, overspent };
}

function assignProgrammes(index: BatchIndex, caps: BudgetCaps, issues: InputIssue[]): (string | undefined)[] {
  const programmeOfOffer: (string | undefined)[] = index.offers.map(() => undefined);
  const claim = (o: number, id: string, path: (string | number)[]) => {
    const other = programmeOfOffer[o];
    if (other !== undefined && other !== id) {
      issues.push({ path, code: 'overlapping_programmes', message: `offer ${index.offers[o]!.id} is in programmes ${other} and ${id}; a programme is one pot of money, an offer belongs to at most one` });
    }
    programmeOfOffer[o] = id;
  };
  const seen = new Set<string>();
  caps.programmes.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ path: ['policy', 'budgets', 'programmes', i, 'id'], code: 'duplicate_id', message: `programme ${p.id} is listed twice` });
    seen.add(p.id);
    p.offers.forEach((id, j) => {
      const o = index.offerIndex.get(id);
      if (o === undefined) issues.push({ path: ['policy', 'budgets', 'programmes', i, 'offers', j], code: 'unknown_reference', message: `no offer ${id} in the batch` });
      else if (index.offers[o]!.form !== 'funds') issues.push({ path: ['policy', 'budgets', 'programmes', i, 'offers', j], code: 'invalid_value', message: `offer ${id} gives ${index.offers[o]!.form}, not funds: budget caps count yuan` });
      else claim(o, p.id, ['policy', 'budgets', 'programmes', i, 'offers', j]);
    });
    if (p.providerKinds.length === 0) return;
    index.offers.forEach((offer, o) => {
      if (offer.form === 'funds' && p.providerKinds.includes(offer.provider.kind)) claim(o, p.id, ['policy', 'budgets', 'programmes', i, 'providerKinds']);
    });
  });
  return programmeOfOffer;
}
