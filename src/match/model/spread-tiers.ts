/**
 * Concave community utility: each (community, form) node reaches the sink through tiers with
 * falling bonuses, so the first units that reach a community are worth more than the next ones
 * and the optimum spreads resources across communities — without leaving the flow structure.
 *
 * Tier t (0-based) of a community-form holds about one typical need's worth of units (the mean
 * demand; one pairing in one-to-one mode) and pays `spread · 0.5^t` × the average value per unit
 * of that community-form's needs. Locked units fill the tiers first.
 */
import type { BatchIndex } from './batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import type { LockPlan } from './locks.js';
import { SUPPORT_FORM_IDS, type SupportForm } from '../../domain/taxonomy.js';

export interface CommunityFormTiers {
  readonly count: number;
  readonly tierCount: number;
  /** Community-form of each need, or -1 (not pooled, or spreading off). */
  readonly cfOfNeed: Int32Array;
  readonly community: Int32Array;
  readonly form: readonly SupportForm[];
  /** Open flow units per community-form (sum of its needs' remaining demand). */
  readonly demand: Float64Array;
  /** tierCap[cf * tierCount + t], after locked units took their share. */
  readonly tierCap: Float64Array;
  readonly tierBonus: Float64Array;
  /** Bonus already earned by locked units. */
  readonly lockedBonus: number;
  /** Largest bonus any solution can earn (for choosing the value resolution). */
  readonly totalBonus: number;
}

export function spreadTiers(
  index: BatchIndex,
  candidates: CandidateSet,
  scored: ScoredCandidates,
  locks: LockPlan,
  oneToOne: boolean,
): CommunityFormTiers {
  const { spread, spreadTiers: tierCount } = scored.weights;
  const cfOfNeed = new Int32Array(index.needs.length).fill(-1);
  const keyToCf = new Map<number, number>();
  const community: number[] = [];
  const form: SupportForm[] = [];
  if (spread > 0 && tierCount > 0) {
    index.needs.forEach((need, n) => {
      if (!candidates.pooled[n]) return;
      const c = index.needCommunity[n]!;
      const key = c * SUPPORT_FORM_IDS.length + SUPPORT_FORM_IDS.indexOf(need.form);
      let cf = keyToCf.get(key);
      if (cf === undefined) {
        keyToCf.set(key, (cf = community.length));
        community.push(c);
        form.push(need.form);
      }
      cfOfNeed[n] = cf;
    });
  }
  const count = community.length;
  const demand = new Float64Array(count);
  const valueSum = new Float64Array(count);
  const quantitySum = new Float64Array(count);
  const needCount = new Float64Array(count);
  const lockedUnits = new Float64Array(count);
  index.needs.forEach((need, n) => {
    const cf = cfOfNeed[n]!;
    if (cf < 0) return;
    demand[cf] = demand[cf]! + Math.max(0, locks.needCap[n]!);
    valueSum[cf] = valueSum[cf]! + scored.needValue[n]!;
    quantitySum[cf] = quantitySum[cf]! + need.quantity;
    needCount[cf] = needCount[cf]! + 1;
    lockedUnits[cf] = lockedUnits[cf]! + locks.lockedUnitsOfNeed[n]!;
  });
  const tierCap = new Float64Array(count * tierCount);
  const tierBonus = new Float64Array(count * tierCount);
  let lockedBonus = 0;
  let totalBonus = 0;
  for (let cf = 0; cf < count; cf++) {
    const cap = oneToOne ? 1 : Math.max(1, Math.ceil(quantitySum[cf]! / needCount[cf]!));
    const perUnit = oneToOne ? valueSum[cf]! / needCount[cf]! : valueSum[cf]! / quantitySum[cf]!;
    let locked = lockedUnits[cf]!;
    for (let t = 0; t < tierCount; t++) {
      const bonus = spread * 0.5 ** t * perUnit;
      const taken = Math.min(cap, locked);
      locked -= taken;
      lockedBonus += taken * bonus;
      tierCap[cf * tierCount + t] = cap - taken;
      tierBonus[cf * tierCount + t] = bonus;
      totalBonus += cap * bonus;
    }
  }
  return { count, tierCount, cfOfNeed, community: Int32Array.from(community), form, demand, tierCap, tierBonus, lockedBonus, totalBonus };
}
