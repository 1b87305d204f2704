/**
 * The pipeline's path for runs with policy rules: the same candidates, scores and model as a
 * flow-only run, then the policy solve over blocks, then the same decode, unmet reasons and
 * coverage (blocks have the shape of model components), plus the policy report.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import type { SolvedModel } from '../solve/solve-components.js';
import { policySolvers } from '../solve/solve-components.js';
import { allocate, decodePairings, type Allocation } from '../pairings/decode.js';
import { explainUnmet } from '../pairings/unmet.js';
import { coverageOf, offerUsage } from '../pairings/coverage.js';
import type { MatchOptions, MatchResult, SolveSummary } from '../types.js';
import { POLICY_RULES, ruleOn, type PolicyOptions } from './options.js';
import { prepareRules, type PreparedRules } from './prepare-rules.js';
import { solvePolicy, type PolicySolution } from './solve-policy.js';
import { ruleViolations, isMet } from './rule-state.js';
import type { PolicyReport, RuleConflict, RuleUnmet } from './report-types.js';
import { releaseImpossibleObligations } from './forced-groups.js';
import { lockConflicts } from './lock-conflicts.js';
import { explainFloor } from './floor-conflicts.js';
import { priceReport } from '../prices/price-report.js';
import type { PolicySolvers } from './solver-ports.js';

const INFEASIBILITY_NOTE =
  'Conflicts are irreducible: drop any one member and the others can hold together. A floor conflict is found and priced on its region ' +
  '(the community, the offers that could serve it, and every need those offers could serve); the value of each relaxation is that region\'s, ' +
  'against the relaxation applied. Locks always stay; a rule they break yields for them.';

export interface ModelStages {
  readonly index: BatchIndex;
  readonly candidates: CandidateSet;
  readonly scored: ScoredCandidates;
  readonly model: MatchModel;
}

/** A policy run solved and decoded: what run-matching turns into a MatchResult. */
export interface PolicyRun {
  readonly prepared: PreparedRules;
  readonly solution: PolicySolution;
  readonly conflicts: readonly RuleConflict[];
  /** The model with the blocks in place of its components (for decode and prices). */
  readonly view: MatchModel;
  readonly solved: SolvedModel;
  readonly allocation: Allocation;
}

/** Solves a prepared model under the rules. */
export function solveWithPolicy(stages: ModelStages, policy: PolicyOptions, clock: () => number): PolicyRun {
  const { index, candidates, model } = stages;
  const solvers = policySolvers(clock);
  const started = clock();
  const released = releaseImpossibleObligations(index, prepareRules(index, candidates, model, policy), solvers);
  const prepared = released.prepared;
  const solution = solvePolicy(prepared, policy, model.scale, solvers);
  const conflicts = [
    ...lockConflicts(index, candidates, model, policy, prepared.rules, prepared.locks, prepared.budgets),
    ...released.conflicts,
    ...floorConflicts(stages, prepared, solution, model.scale, solvers, started + policy.timeLimitSeconds * 1000),
  ];
  if (policy.onConflict === 'fail') dropConflictingSets(solution);
  const blocks = prepared.blockSet.blocks;
  const view: MatchModel = { ...model, components: blocks, largestComponentArcs: blocks.reduce((m, b) => Math.max(m, b.network.arcCount), 0) };
  const solved: SolvedModel = {
    components: solution.solutions.map((s) => ({ ...s, checkedArcs: s.flow.length })),
  };
  return { prepared, solution, conflicts, view, solved, allocation: allocate(candidates, view, solved) };
}

/** How many unmet floors get a conflict analysis; each costs a few small MIPs. */
const FLOORS_EXPLAINED = 5;

/** Conflict and relaxations for the first few floors the answer leaves unmet (at least 1 s for it). */
function floorConflicts(stages: ModelStages, prepared: PreparedRules, solution: PolicySolution, scale: number, solvers: PolicySolvers, deadline: number): RuleConflict[] {
  const out: RuleConflict[] = [];
  const until = Math.max(deadline, solvers.clock() + 1000);
  for (const set of solution.sets) {
    for (const floor of set.unmetFloors) {
      if (out.length >= FLOORS_EXPLAINED) return out;
      const conflict = explainFloor({ index: stages.index, candidates: stages.candidates, prepared, setBlocks: set.blocks, scale, solvers, deadline: until }, floor);
      if (conflict) out.push(conflict);
    }
  }
  return out;
}

/** `onConflict: 'fail'`: sets whose floors could not all be met give no pairings. */
function dropConflictingSets(solution: PolicySolution): void {
  for (const set of solution.sets) {
    if (set.unmetFloors.length === 0) continue;
    for (const b of set.blocks) solution.solutions[b]!.flow.fill(0);
  }
}

/** The run's result with rules on. */
export function matchWithPolicy(
  stages: ModelStages,
  opts: MatchOptions,
  policy: PolicyOptions,
  weightProfile: string,
  clock: () => number,
  timer: { lap: (stage: string) => void; laps: () => Record<string, number> },
  prices = false,
): MatchResult {
  const { index, candidates, scored } = stages;
  const run = solveWithPolicy(stages, policy, clock);
  timer.lap('solve');
  const { view, allocation } = run;
  const pairings = decodePairings(index, candidates, scored, view, allocation, opts.alternates);
  const unmet = explainUnmet(index, candidates, view, allocation);
  const result = {
    mode: opts.mode,
    weightProfile,
    pairings,
    unmet,
    offers: offerUsage(index, candidates, allocation),
    coverage: coverageOf(index, candidates, allocation),
    candidates: { pairsConsidered: candidates.pairsConsidered, candidates: candidates.count, removedBy: candidates.removedBy },
    policy: policyReport(stages, policy, run),
    ...(run.conflicts.length > 0 ? { infeasibility: { conflicts: run.conflicts, note: INFEASIBILITY_NOTE } } : {}),
    ...(prices ? { prices: priceReport({ index, candidates, scored, model: view, solved: run.solved, allocation, policy: true }) } : {}),
  };
  timer.lap('results');
  const summary = policySummary(run, timer.laps());
  const failed = policy.onConflict === 'fail' && run.solution.sets.some((s) => s.unmetFloors.length > 0);
  return { ...result, solve: failed ? { ...summary, status: 'infeasible' } : summary };
}

/** Objective, bound and gap of a policy run, locked pairs' value included. */
export function policySummary(run: PolicyRun, timings: Readonly<Record<string, number>>): SolveSummary {
  const { solution, view, allocation } = run;
  let lockedValue = 0;
  for (const lock of view.locks.locked) lockedValue += allocation.value[lock.edge]!;
  const constant = lockedValue + view.tiers.lockedBonus;
  const objective = solution.objective + constant;
  const bound = solution.bound + constant;
  let checkedArcs = 0;
  let maxViolation = 0;
  let ok = true;
  for (const s of solution.solutions) {
    checkedArcs += s.flow.length;
    maxViolation = Math.max(maxViolation, s.maxViolation);
    ok &&= s.certificateOk;
  }
  return {
    status: solution.proven ? 'optimal' : 'feasible',
    objective,
    bound,
    gap: solution.proven ? 0 : Math.max(0, bound - objective),
    components: view.components.length,
    largestComponentArcs: view.largestComponentArcs,
    certificate: { checkedArcs, maxViolation, ok },
    timings,
    method: 'policy',
    timeLimitReached: solution.timeLimitReached,
  };
}

function policyReport(stages: ModelStages, policy: PolicyOptions, run: PolicyRun): PolicyReport {
  const { prepared, solution } = run;
  const flows = solution.solutions.map((s) => s.flow);
  const needId = (n: number) => stages.index.needs[n]!.id;
  const waived = new Set(solution.sets.flatMap((s) => s.unmetFloors));
  return {
    rules: POLICY_RULES.filter((r) => ruleOn(policy, r)),
    sets: solution.sets.map((s) => ({ blocks: s.blocks.length, arcs: s.arcs, method: s.method, objective: s.objective, bound: s.bound, proven: s.proven, timeLimitReached: s.timeLimitReached, detail: s.detail })),
    removedPairs: prepared.rules.removedEdges,
    floorExemptions: prepared.exemptions,
    unmetByRule: unmetByRule(stages, policy, run),
    floorsNotMet: [...waived].map((f) => {
      const floor = prepared.rules.floors[f]!;
      const community = stages.index.communities[floor.community]!;
      return { community: community.id, district: community.district, floor: floor.floor, met: floor.needs.filter((n) => isMet(prepared.rules, flows, n)).length };
    }),
    violations: ruleViolations(prepared.rules, flows, needId, undefined, waived),
  };
}

/** Needs a rule kept from being met, with the rule and why. */
function unmetByRule(stages: ModelStages, policy: PolicyOptions, run: PolicyRun): RuleUnmet[] {
  const { index } = stages;
  const { rules } = run.prepared;
  const { decisions } = run.solution;
  const flows = run.solution.solutions.map((s) => s.flow);
  const out: RuleUnmet[] = [];
  const seen = new Set<number>();
  const add = (n: number, rule: RuleUnmet['rule'], detail: string) => {
    if (seen.has(n) || run.prepared.locks.metByLocks[n] || isMet(rules, flows, n)) return;
    seen.add(n);
    out.push({ need: index.needs[n]!.id, rule, detail });
  };
  rules.groups.forEach((g, gi) => {
    if (!g.blocked && decisions.groupMet.get(gi) !== false) return;
    const why = g.blocked ? 'a member can never be met' : 'not every member could be met in full with the rest';
    for (const n of g.needs) add(n, g.rule, g.rule === 'bundles' ? `bundle ${g.id}: ${why}` : `met in full or not at all; ${why}`);
  });
  for (const n of decisions.needNone) add(n, 'onePerOrganisation', `its organisation already has its most funded projects`);
  if (policy.noSecondFunding) {
    index.needs.forEach((need, n) => {
      if (need.governmentFunded && need.form === 'funds') add(n, 'noSecondFunding', 'already has government money');
    });
  }
  return out;
}
