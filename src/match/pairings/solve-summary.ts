/**
 * The solve summary: objective, proven bound and gap in value units, from the component costs
 * and the dual bounds of their certificates. Costs are integers (value × scale), so "gap 0" is an
 * exact statement about the model, not a rounding accident.
 */
import type { MatchModel } from '../model/build-model.js';
import type { SolvedModel } from '../solve/solve-components.js';
import type { Allocation } from './decode.js';
import type { SolveSummary } from '../types.js';

export function summariseSolve(
  model: MatchModel,
  solved: SolvedModel,
  allocation: Allocation,
  timings: Readonly<Record<string, number>>,
): SolveSummary {
  let cost = 0;
  let dual = 0;
  let ok = true;
  let checkedArcs = 0;
  let maxViolation = 0;
  for (const c of solved.components) {
    cost += c.cost;
    dual += c.dualBound;
    ok &&= c.certificateOk;
    checkedArcs += c.checkedArcs;
    maxViolation = Math.max(maxViolation, c.maxViolation);
  }
  let lockedValue = 0;
  for (const lock of model.locks.locked) lockedValue += allocation.value[lock.edge]!;
  const constant = lockedValue + model.tiers.lockedBonus;
  const objective = -cost / model.scale + constant;
  const bound = -dual / model.scale + constant;
  const proven = ok && cost === dual;
  const summary: SolveSummary = {
    status: proven ? 'optimal' : 'feasible',
    objective,
    bound,
    gap: proven ? 0 : Math.max(0, bound - objective),
    components: model.components.length,
    largestComponentArcs: model.largestComponentArcs,
    certificate: { checkedArcs, maxViolation, ok },
    timings,
  };
  const v = solved.verification;
  if (!v) return summary;
  return {
    ...summary,
    verification: {
      oracle: 'javascript-lp-solver',
      objective: objective - (v.ourCost - v.oracleCost) / model.scale,
      agrees: v.agrees,
      componentsChecked: v.componentsChecked,
      componentsSkipped: v.componentsSkipped,
    },
  };
}
