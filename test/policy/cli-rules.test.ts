import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import type { MatchResult } from '../../src/match/types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-rules-'));
  const scenario = JSON.parse(readFileSync(new URL('./cases/infeasible-coverage-floor.json', import.meta.url), 'utf8')) as { batch: unknown };
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(scenario.batch));
});

describe('jiedui solve with policy rules', () => {
  it('takes a rules file and single-rule flags, and prints the bound, the sets and the conflict', () => {
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ coverageFloor: { needsMet: 1 }, relativeGap: 0 }));
    const out = join(dir, 'result.json');
    const run = runCli(['solve', join(dir, 'batch.json'), '--rules', join(dir, 'rules.json'), '--all-or-nothing', '--prices', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/rules: allOrNothing, coverageFloor — proven optimal/);
    expect(run.stdout).toMatch(/conflict: coverage floor of C[AB]/);
    expect(run.stdout).toMatch(/floor lowered in CC/);
    expect(run.stdout).toMatch(/bottlenecks/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as MatchResult;
    expect(result.policy!.rules).toEqual(['allOrNothing', 'coverageFloor']);
    expect(result.solve.method).toBe('policy');
    expect(result.prices!.offers.map((o) => o.offer)).toEqual(['O1']);
  });

  it('rejects a bad rules file with the path of every issue, exit code 2', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ coverageFloor: { needsMet: -1 }, allOrNothing: 'yes', nonsense: 1 }));
    const run = runCli(['solve', join(dir, 'batch.json'), '--rules', join(dir, 'bad.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/rules\.coverageFloor\.needsMet/);
    expect(run.stderr).toMatch(/rules\.allOrNothing/);
    expect(run.stderr).toMatch(/nonsense/);
  });
});
