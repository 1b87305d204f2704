import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runMatching } from '../../src/match/run-matching.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { validateBatch } from '../../src/intake/index.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { quickXplain } from '../../src/match/policy/floor-conflicts.js';
import { batch, community, need, offer } from '../support/batch-builders.js';

function scenario(name: string): { batch: Batch; policy: Record<string, unknown> } {
  const raw = JSON.parse(readFileSync(new URL(`./cases/${name}.json`, import.meta.url), 'utf8')) as { batch: unknown; policy: Record<string, unknown> };
  const checked = validateBatch(raw.batch);
  if (!checked.ok) throw new Error(`scenario ${name}: ${JSON.stringify(checked.issues)}`);
  return { batch: checked.batch, policy: raw.policy };
}

describe('infeasible coverage floors are reported, not crashed', () => {
  for (const exactMaxArcs of [2500, 0]) {
    it(`names the conflicting floor and ranks relaxations (${exactMaxArcs ? 'exact MIP' : 'flow core'})`, () => {
      const { batch: b, policy } = scenario('infeasible-coverage-floor');
      const result = runMatching(b, defaultWeightProfile, { policy: { ...policy, exactMaxArcs } });
      const p = result.policy!;
      // CC cannot be covered at all (no lawyer): lowered, with its need's reason.
      expect(p.floorExemptions.map((e) => e.community)).toEqual(['CC']);
      expect(p.floorExemptions[0]!.needs[0]!.blocker.code).toBe('no_candidate');
      // Exactly one of CA, CB is covered; the other's floor is reported as not met.
      expect(p.floorsNotMet).toHaveLength(1);
      const covered = new Set(result.pairings.filter((x) => x.amount >= 10).map((x) => x.community));
      expect(covered.size).toBe(1);
      expect(covered.has(p.floorsNotMet[0]!.community)).toBe(false);
      expect(p.violations).toEqual([]);
      const conflict = result.infeasibility!.conflicts.find((c) => c.rules[0]!.includes(p.floorsNotMet[0]!.community))!;
      const other = [...covered][0]!;
      expect(conflict.rules.some((r) => r.includes(`coverage floor of ${other}`))).toBe(true);
      expect(conflict.relaxations[0]!.applied).toBe(true);
      const actions = conflict.relaxations.map((r) => r.action).join(' | ');
      expect(actions).toContain(`lower the floor of ${other}`);
      expect(actions).toMatch(/add 10 hour to O1/);
      // Adding the hours serves both, so it ranks above giving up the other floor.
      const add = conflict.relaxations.find((r) => r.action.startsWith('add'))!;
      expect(add.change!).toBeGreaterThan(0);
    });
  }

  it('onConflict "fail" returns no pairings for the conflicting part, and says infeasible', () => {
    const { batch: b, policy } = scenario('infeasible-coverage-floor');
    const result = runMatching(b, defaultWeightProfile, { policy: { ...policy, onConflict: 'fail' } });
    expect(result.pairings).toEqual([]);
    expect(result.solve.status).toBe('infeasible');
    expect(result.infeasibility!.conflicts.length).toBeGreaterThan(0);
  });
});

describe('locked pairs against the rules', () => {
  it('a lock below the smallest allocation is kept, and the conflict is reported', () => {
    const b = batch([community('C0')], [need('N0', 'C0', { quantity: 10 })], [offer('O0', { capacity: 20, minAllocation: 5 })]);
    const result = runMatching(b, defaultWeightProfile, { locked: [{ need: 'N0', offer: 'O0', amount: 2 }], policy: { minAllocation: true } });
    expect(result.pairings.find((p) => p.locked)!.amount).toBe(2);
    expect(result.infeasibility!.conflicts.map((c) => c.rules[0])).toContain('minAllocation');
  });

  it('a lock on an all-or-nothing need obliges completing it; if capacity cannot, the obligation is released and reported', () => {
    const b = batch([community('C0')], [need('N0', 'C0', { quantity: 10, partial: false })], [offer('O0', { capacity: 4 }), offer('O1', { capacity: 3 })]);
    const result = runMatching(b, defaultWeightProfile, { locked: [{ need: 'N0', offer: 'O0', amount: 4 }], policy: { allOrNothing: true } });
    expect(result.infeasibility!.conflicts.some((c) => c.explanation.includes('cannot complete'))).toBe(true);
    const ok = runMatching(b, defaultWeightProfile, { locked: [{ need: 'N0', offer: 'O0', amount: 4 }], policy: { allOrNothing: true } });
    expect(ok.pairings.find((p) => p.offer === 'O0')!.amount).toBe(4);
  });

  it('a lock on an all-or-nothing need is completed when capacity allows', () => {
    const b = batch([community('C0')], [need('N0', 'C0', { quantity: 10, partial: false })], [offer('O0', { capacity: 4 }), offer('O1', { capacity: 8 })]);
    const result = runMatching(b, defaultWeightProfile, { locked: [{ need: 'N0', offer: 'O0', amount: 4 }], policy: { allOrNothing: true } });
    const total = result.pairings.filter((p) => p.need === 'N0').reduce((s, p) => s + p.amount, 0);
    expect(total).toBe(10);
    expect(result.infeasibility).toBeUndefined();
  });
});

describe('quickXplain', () => {
  it('finds a minimal conflicting subset (checked against every subset)', () => {
    // Items conflict when {1, 4} or {2, 3, 5} are all present.
    const conflicts = [[1, 4], [2, 3, 5]];
    const feasible = (s: ReadonlySet<number>) => !conflicts.some((c) => c.every((i) => s.has(i)));
    const found = quickXplain(7, feasible)!;
    expect(feasible(new Set(found))).toBe(false);
    for (const drop of found) expect(feasible(new Set(found.filter((i) => i !== drop)))).toBe(true);
  });
});
