/**
 * An independent statement of the policy rules as one MIP, written from the batch itself (not
 * from match/policy's rule model), solved by javascript-lp-solver. It shares only the candidate
 * set and the quantised values and spread tiers with the pipeline (test/support/model-oracle.ts).
 *
 * Coverage floors are lexicographic: the most floors met first (a weight above any total value),
 * then the most value — the run's semantics for "every pilot community gets a need met when any
 * assignment allows it". Flow mode, no locks.
 */
import jsLpDefault from 'javascript-lp-solver';
import type { SolverAPI } from 'javascript-lp-solver';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { WeightProfile } from '../../src/domain/weights.js';
import { parsePolicyOptions, type PolicyOptionsInput } from '../../src/match/policy/options.js';
import { modelStages, tierBonus } from '../support/model-oracle.js';

const solver: SolverAPI = (jsLpDefault as unknown as { default?: SolverAPI }).default ?? (jsLpDefault as unknown as SolverAPI);

export interface OracleAnswer {
  /** Objective without the coverage weight: pairing value plus spread bonus. */
  readonly value: number;
  /** Communities in the floor's scope with at least one need met in full. */
  readonly covered: number;
}

type Column = Record<string, number>;

export function policyOracle(batch: Batch, weights: WeightProfile, input: PolicyOptionsInput): OracleAnswer {
  const policy = parsePolicyOptions(input);
  const { index, candidates, model } = modelStages(batch, weights, { mode: 'flow' });
  const constraints: Record<string, { max?: number; min?: number; equal?: number }> = {};
  const variables: Record<string, Column> = {};
  const ints: Record<string, 1> = {};
  const binary = (name: string, column: Column = {}) => {
    variables[name] = { ...column, [`ub_${name}`]: 1 };
    constraints[`ub_${name}`] = { max: 1 };
    ints[name] = 1;
  };
  const edgesOfNeed = index.needs.map(() => [] as number[]);
  for (let e = 0; e < candidates.count; e++) edgesOfNeed[candidates.need[e]!]!.push(e);
  index.offers.forEach((o, i) => (constraints[`o${i}`] = { max: o.capacity }));
  index.needs.forEach((n, i) => (constraints[`n${i}`] = { max: candidates.pooled[i] ? n.quantity : 0 }));
  let maxValue = 1 + model.tiers.totalBonus;
  for (let e = 0; e < candidates.count; e++) {
    const n = candidates.need[e]!;
    const o = candidates.offer[e]!;
    const need = index.needs[n]!;
    const offer = index.offers[o]!;
    const column: Column = { value: model.unitValue[e]!, [`o${o}`]: 1, [`n${n}`]: 1, [`cf${model.tiers.cfOfNeed[n]}`]: -1 };
    column[`sum_n${n}`] = 1;
    const district = index.communities[index.needCommunity[n]!]!.district;
    if (offer.form === 'funds' && policy.budgets?.districts[district] !== undefined) column[`bd_${district}`] = 1;
    if (offer.form === 'funds' && policy.budgets?.programmes.some((p) => p.providerKinds.includes(offer.provider.kind) || p.offers.includes(offer.id))) column['bp'] = 1;
    if (policy.noSecondFunding && offer.form === 'funds' && need.governmentFunded) column['forbidden'] = 1;
    if (policy.bundles && need.bundle !== undefined) column[`bundle_${need.bundle}_${n}`] = 1;
    if (policy.onePerOrganisation?.by === 'community' && need.form === 'funds' && need.kind === 'project') column[`fu${n}`] = 1;
    variables[`x${e}`] = column;
    maxValue += model.unitValue[e]! * Math.min(offer.capacity, need.quantity);
    switchRows(e, need.quantity, offer, policy, binary, constraints, variables, candidates.offer[e]!, need.kind, need.form);
  }
  constraints['forbidden'] = { max: 0 };
  for (const [d, cap] of Object.entries(policy.budgets?.districts ?? {})) constraints[`bd_${d}`] = { max: cap };
  if (policy.budgets) constraints['bp'] = { max: policy.budgets.programmes[0]?.max ?? 0 };
  for (let cf = 0; cf < model.tiers.count; cf++) {
    constraints[`cf${cf}`] = { max: 0 };
    for (let t = 0; t < model.tiers.tierCount; t++) {
      constraints[`y${cf}_${t}`] = { max: model.tiers.tierCap[cf * model.tiers.tierCount + t]! };
      variables[`y${cf}_${t}`] = { value: tierBonus(model, cf, t), [`cf${cf}`]: 1, [`y${cf}_${t}`]: 1 };
    }
  }
  needRows(index.needs, policy, binary, constraints, index.needCommunity);
  const weight = 2 * maxValue;
  coverageRows(index, policy, binary, constraints, variables, weight);
  const result = solver.Solve({ optimize: 'value', opType: 'max', constraints, variables, ints, options: { presolve: false, tolerance: 0 } } as never) as Record<string, number> & { feasible: boolean; result: number };
  if (!result.feasible) throw new Error('oracle: infeasible (the rules always allow giving nothing)');
  let covered = 0;
  for (const key of Object.keys(variables)) if (key.startsWith('cov_') && (result[key] ?? 0) > 0.5) covered++;
  return { value: result.result - weight * covered, covered };
}

/** z_e for smallest allocations and most pairings; g_e for a provider's funded projects. */
function switchRows(
  e: number,
  quantity: number,
  offer: Batch['offers'][number],
  policy: ReturnType<typeof parsePolicyOptions>,
  binary: (name: string, column?: Column) => void,
  constraints: Record<string, { max?: number; min?: number }>,
  variables: Record<string, Column>,
  o: number,
  kind: string,
  form: string,
): void {
  const cap = Math.min(offer.capacity, quantity);
  const needsSwitch = (policy.minAllocation && offer.minAllocation !== undefined) || (policy.maxPairings && offer.maxPairings !== undefined);
  if (needsSwitch) {
    binary(`z${e}`, { [`zu${e}`]: -cap, ...(policy.maxPairings && offer.maxPairings !== undefined ? { [`k${o}`]: 1 } : {}) });
    variables[`x${e}`]![`zu${e}`] = 1;
    constraints[`zu${e}`] = { max: 0 };
    if (policy.maxPairings && offer.maxPairings !== undefined) constraints[`k${o}`] = { max: offer.maxPairings };
    if (policy.minAllocation && offer.minAllocation !== undefined) {
      const least = Math.min(offer.minAllocation, quantity);
      variables[`z${e}`]![`zl${e}`] = -least;
      variables[`x${e}`]![`zl${e}`] = 1;
      constraints[`zl${e}`] = { min: 0 };
    }
  }
  if (policy.onePerOrganisation?.by === 'provider' && offer.form === 'funds' && form === 'funds' && kind === 'project') {
    const p = `prov_${offer.provider.name}`;
    binary(`g${e}`, { [`gu${e}`]: -cap, [p]: 1 });
    variables[`x${e}`]![`gu${e}`] = 1;
    constraints[`gu${e}`] = { max: 0 };
    constraints[p] = { max: policy.onePerOrganisation.max };
  }
}

/** All-or-nothing needs, bundles, and a community's funded projects. */
function needRows(
  needs: readonly Batch["needs"][number][],
  policy: ReturnType<typeof parsePolicyOptions>,
  binary: (name: string, column?: Column) => void,
  constraints: Record<string, { max?: number; min?: number; equal?: number }>,
  needCommunity: Int32Array,
): void {
  needs.forEach((need, n) => {
    // Σ x_e − q·a = 0 written as a row over sum_n{n} plus the binary's coefficient.
    if (policy.allOrNothing && !need.partial) {
      binary(`a${n}`, { [`sum_n${n}`]: -need.quantity });
      constraints[`sum_n${n}`] = { equal: 0 };
    }
  });
  if (policy.bundles) {
    const members = new Map<string, number[]>();
    needs.forEach((need, n) => {
      if (need.bundle !== undefined) members.set(need.bundle, [...(members.get(need.bundle) ?? []), n]);
    });
    for (const [id, ns] of members) {
      const column: Column = {};
      for (const n of ns) {
        // Each member: Σ x_e(n) − q_n·b = 0, on its own row.
        column[`bundle_${id}_${n}`] = -needs[n]!.quantity;
      }
      binary(`b_${id}`, column);
      for (const n of ns) constraints[`bundle_${id}_${n}`] = { equal: 0 };
    }
  }
  if (policy.onePerOrganisation?.by === 'community') {
    needs.forEach((need, n) => {
      if (need.form !== 'funds' || need.kind !== 'project') return;
      binary(`f${n}`, { [`fu${n}`]: -need.quantity, [`org_${needCommunity[n]}`]: 1 });
      constraints[`fu${n}`] = { max: 0 };
      constraints[`org_${needCommunity[n]}`] = { max: policy.onePerOrganisation!.max };
    });
  }
}

/** w_n: need met in full; cov_c: community covered (weighted above any value). */
function coverageRows(
  index: ReturnType<typeof modelStages>['index'],
  policy: ReturnType<typeof parsePolicyOptions>,
  binary: (name: string, column?: Column) => void,
  constraints: Record<string, { max?: number; min?: number }>,
  variables: Record<string, Column>,
  weight: number,
): void {
  const floor = policy.coverageFloor;
  if (!floor) return;
  index.communities.forEach((community, c) => {
    if (floor.communities === 'pilot' && !community.pilot) return;
    binary(`cov_${c}`, { value: weight, [`covered_${c}`]: 1 });
    constraints[`covered_${c}`] = { max: 0 };
    index.needs.forEach((need, n) => {
      if (index.needCommunity[n] !== c) return;
      binary(`w${n}`, { [`covered_${c}`]: -1, [`met_${n}`]: -need.quantity });
      constraints[`met_${n}`] = { min: 0 };
    });
  });
  // met_n rows need the need's edges: Σ x_e − q·w >= 0.
  for (const [name, column] of Object.entries(variables)) {
    if (!name.startsWith('x')) continue;
    const n = Object.keys(column).find((k) => k.startsWith('sum_n'))!.slice(5);
    if (constraints[`met_${n}`]) column[`met_${n}`] = 1;
  }
}
