/**
 * The fixes a rounding round proposes, one per rule instance the current flow breaks: floors
 * force their closest needs met, limits keep their most promising members and close the rest,
 * groups go all or nothing by their share met, pairs below their smallest allocation switch on or
 * off. See flow-core.ts for how fixes are applied and backed off.
 */
import type { Decisions } from './decisions.js';
import type { CoreInput } from './flow-core-input.js';
import { isMet, switchUnits, unitsOf, type BlockFlows } from './rule-state.js';

/** A fix under trial: what it decides and how sure the rounding is (0..1). */
export interface Fix {
  readonly apply: (d: Decisions) => void;
  readonly undo: (d: Decisions) => void;
  /** Blocks whose bounds it changes. */
  readonly blocks: readonly number[];
  /** Whether it adds lower bounds (only those can make a block infeasible). */
  readonly forcing: boolean;
  readonly confidence: number;
}

/** What the proposer reads of a rounding's state (flow-core.ts's CoreState). */
export interface RoundingState {
  readonly input: CoreInput;
  readonly decisions: Decisions;
  readonly flows: Float64Array[];
  readonly view: BlockFlows;
  readonly attempted: Set<number>;
  readonly closing: boolean;
  own(n: number): boolean;
  groupOwn(n: number): boolean;
  inSet(needs: readonly number[]): boolean;
  mustMeet(n: number): boolean;
}

const EPS = 1e-6;

export class FixProposer {
  constructor(private readonly s: RoundingState) {}

  private needValue(n: number): number {
    const t = this.s.input.rules.targets[n];
    if (!t) return 0;
    const net = this.s.input.blocks[t.block]!.network;
    let v = 0;
    for (const a of this.s.input.pairArcsOfNeed[n]!) v -= net.cost[a]! * this.s.flows[t.block]![a]!;
    return v;
  }

  floorFixes(handled: Set<number>): Fix[] {
    const { rules } = this.s.input;
    const fixes: Fix[] = [];
    rules.floors.forEach((floor) => {
      if (!this.s.inSet(floor.needs)) return;
      const met = floor.needs.filter((n) => isMet(rules, this.s.view, n)).length;
      if (met >= floor.floor) return;
      const open = floor.needs.filter((n) => this.s.own(n) && !isMet(rules, this.s.view, n) && !this.s.attempted.has(n) && !this.s.decisions.needNone.has(n) && !this.groupSaysNone(n) && this.s.groupOwn(n));
      const share = (n: number) => unitsOf(rules, this.s.view, n) / rules.targets[n]!.units;
      open.sort((x, y) => share(y) - share(x) || rules.targets[x]!.units - rules.targets[y]!.units || x - y);
      for (const n of open.slice(0, floor.floor - met)) {
        this.s.attempted.add(n);
        handled.add(n);
        fixes.push({
          apply: (d) => d.needMet.add(n),
          undo: (d) => d.needMet.delete(n),
          blocks: this.blocksOf([n]),
          forcing: true,
          confidence: 0.5 + share(n) / 2,
        });
      }
    });
    return fixes;
  }

  private blocksOf(needs: readonly number[]): number[] {
    const set = new Set<number>();
    for (const n of needs) {
      const t = this.s.input.rules.targets[n];
      if (t) set.add(t.block);
    }
    return [...set];
  }

  private groupSaysNone(n: number): boolean {
    const g = this.s.input.rules.groupOfNeed[n]!;
    return g >= 0 && this.s.decisions.groupMet.get(g) === false;
  }

  groupFixes(handled: ReadonlySet<number>): Fix[] {
    const { rules } = this.s.input;
    const fixes: Fix[] = [];
    rules.groups.forEach((g, gi) => {
      if (this.s.decisions.groupMet.has(gi) || !g.needs.every((n) => this.s.own(n) || !this.s.input.rules.targets[n]) || !this.s.inSet(g.needs) || g.needs.some((n) => handled.has(n))) return;
      const met = g.needs.filter((n) => isMet(rules, this.s.view, n)).length;
      // The share met, member by member (a bundle's yuan and hours do not add up).
      let got = 0;
      let share = 0;
      for (const n of g.needs) {
        const units = unitsOf(rules, this.s.view, n);
        got += units;
        share += rules.targets[n] ? units / rules.targets[n]!.units / g.needs.length : 0;
      }
      const wanted = g.needs.some((n) => this.s.decisions.needMet.has(n));
      const closed = g.needs.some((n) => this.s.decisions.needNone.has(n));
      if ((met === g.needs.length || got <= EPS) && !wanted && !closed) return;
      const meet = !closed && (wanted || share >= 0.5);
      fixes.push({
        apply: (d) => d.groupMet.set(gi, meet),
        undo: (d) => d.groupMet.set(gi, false),
        blocks: this.blocksOf(g.needs),
        forcing: meet,
        confidence: meet ? share : 1 - share,
      });
    });
    return fixes;
  }

  /**
   * A community over its funded-project limit keeps the needs closest to being met in full (then
   * the most valuable) and commits to them: a kept whole-or-nothing need is met in full, the others
   * get nothing. If the kept ones cannot all be met, they are given up and the others released,
   * so the next round picks again (each give-up is final, so this ends).
   */
  needLimitFixes(handled: Set<number>): Fix[] {
    const { rules } = this.s.input;
    const fixes: Fix[] = [];
    for (const limit of rules.needLimits) {
      if (!this.s.inSet(limit.needs) || !limit.needs.every((n) => this.s.own(n))) continue;
      const funded = limit.needs.filter((n) => unitsOf(rules, this.s.view, n) > EPS && !this.s.decisions.needNone.has(n));
      if (funded.length < limit.limit || (funded.length === limit.limit && !this.s.closing)) continue;
      const fundedSet = new Set(funded);
      const unfunded = limit.needs.filter((n) => !fundedSet.has(n) && !this.s.decisions.needNone.has(n) && !this.s.mustMeet(n));
      if (funded.length === limit.limit && unfunded.length === 0) continue;
      const share = (n: number) => unitsOf(rules, this.s.view, n) / rules.targets[n]!.units;

      funded.sort((x, y) => Number(this.s.mustMeet(y)) - Number(this.s.mustMeet(x)) || share(y) - share(x) || this.needValue(y) - this.needValue(x) || x - y);
      const keep = funded.slice(0, limit.limit);
      // At the limit, the needs that got nothing are closed too, so the limit cannot be broken
      // again by flow moving there in a later round (fewer rounds, each a full re-solve).
      const drop = [...funded.slice(limit.limit).filter((n) => !this.s.mustMeet(n)), ...unfunded];
      const commit = keep.filter((n) => !this.s.mustMeet(n) && rules.groupOfNeed[n]! >= 0 && !this.s.decisions.groupMet.has(rules.groupOfNeed[n]!));
      for (const n of [...funded, ...unfunded]) handled.add(n);
      fixes.push({
        apply: (d) => {
          for (const n of commit) d.groupMet.set(rules.groupOfNeed[n]!, true);
          for (const n of drop) d.needNone.add(n);
        },
        undo: (d) => {
          for (const n of commit) d.groupMet.set(rules.groupOfNeed[n]!, false);
          for (const n of drop) d.needNone.delete(n);
        },
        blocks: this.blocksOf([...keep, ...drop]),
        forcing: commit.length > 0,
        confidence: keep.reduce((s, n) => s + share(n), 0) / Math.max(1, keep.length),
      });
    }
    return fixes;
  }

  edgeLimitFixes(): Fix[] {
    const { rules } = this.s.input;
    const fixes: Fix[] = [];
    const inSet = new Set(this.s.input.ids);
    for (const limit of rules.edgeLimits) {
      const on = limit.switches.filter((s) => inSet.has(rules.switches[s]!.block) && switchUnits(rules, this.s.view, s) > EPS);
      if (on.length < limit.limit || (on.length === limit.limit && !this.s.closing)) continue;
      const onSet = new Set(on);
      const idle = limit.switches.filter((s) => inSet.has(rules.switches[s]!.block) && !onSet.has(s) && !this.s.decisions.switchOn.has(s));
      if (on.length === limit.limit && idle.length === 0) continue;
      const value = (s: number) => {
        const sw = rules.switches[s]!;
        const net = this.s.input.blocks[sw.block]!.network;
        return sw.arcs.reduce((v, a) => v - net.cost[a]! * this.s.flows[sw.block]![a]!, 0);
      };
      on.sort((x, y) => Number(this.s.decisions.switchOn.get(y) === true) - Number(this.s.decisions.switchOn.get(x) === true) || value(y) - value(x) || x - y);
      // At the limit, idle pairs are closed as well (see needLimitFixes).
      for (const s of [...on.slice(limit.limit), ...idle]) {
        if (this.s.decisions.switchOn.get(s) === true) continue;
        fixes.push({ apply: (d) => d.switchOn.set(s, false), undo: (d) => d.switchOn.delete(s), blocks: [rules.switches[s]!.block], forcing: false, confidence: 1 });
      }
    }
    return fixes;
  }

  switchFixes(): Fix[] {
    const { rules } = this.s.input;
    const fixes: Fix[] = [];
    const inSet = new Set(this.s.input.ids);
    rules.switches.forEach((sw, s) => {
      if (!inSet.has(sw.block) || this.s.decisions.switchOn.has(s)) return;
      const x = switchUnits(rules, this.s.view, s);
      if (x <= EPS || x >= sw.lower - EPS) return;
      const on = x >= sw.lower / 2;
      fixes.push({
        apply: (d) => d.switchOn.set(s, on),
        undo: (d) => d.switchOn.set(s, false),
        blocks: [sw.block],
        forcing: on,
        confidence: on ? x / sw.lower : 1 - x / sw.lower,
      });
    });
    return fixes;
  }
}
