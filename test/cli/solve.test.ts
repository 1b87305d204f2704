import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import type { MatchResult } from '../../src/match/types.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-cli-'));
});

describe('jiedui solve', () => {
  it('solves the example batch, proves it optimal and prints a readable summary', () => {
    const run = runCli(['solve', 'data/example-batch.json', '--verify']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/optimal/);
    expect(run.stdout).toMatch(/certificate ok/);
    expect(run.stdout).toMatch(/javascript-lp-solver: .*agrees/);
  });

  it('writes the full result as JSON, in zh labels when asked, with every pairing explained', () => {
    const out = join(dir, 'result.json');
    const run = runCli(['solve', 'data/example-batch.json', '--out', out, '--lang', 'zh']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/结对结果/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as MatchResult;
    expect(result.solve.status).toBe('optimal');
    expect(result.pairings.length).toBeGreaterThan(0);
    for (const p of result.pairings) {
      expect(Object.keys(p.score.fitTerms).sort()).toEqual(['category', 'continuity', 'distance', 'preference', 'skills']);
      expect(p.value).toBeCloseTo(p.amount * p.score.valuePerUnit, 6);
    }
  });

  it('exports the model in transport/v1, and solve-model finds the same objective when nothing is beyond the format', () => {
    const weights = join(dir, 'no-spread.json');
    writeFileSync(weights, JSON.stringify({ ...defaultWeightProfile, name: 'no-spread', spread: 0 }));
    const model = join(dir, 'model.json');
    const solved = runCli(['solve', 'data/example-batch.json', '--weights', weights, '--export-model', model, '--format', 'json']);
    expect(solved.status).toBe(0);
    const result = JSON.parse(solved.stdout) as MatchResult;
    const exported = JSON.parse(readFileSync(model, 'utf8'));
    expect(exported.format).toBe('transport/v1');
    const line = runCli(['solve-model', model]);
    expect(line.status).toBe(0);
    const answer = JSON.parse(line.stdout.trim());
    expect(answer.status).toBe('optimal');
    expect(Math.abs(answer.objective - result.solve.objective)).toBeLessThan(1e-6 * Math.max(1, result.solve.objective));
  });

  it('rejects a bad batch with every issue and its path, exit code 2 and no stack trace', () => {
    const bad = JSON.parse(readFileSync('data/example-batch.json', 'utf8'));
    bad.needs[0].category = 'eldrly';
    bad.needs[1].quantity = -3;
    bad.offers[0].id = bad.offers[1].id;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const run = runCli(['solve', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs\[0\]\.category/);
    expect(run.stderr).toMatch(/elderly/); // the nearest valid id
    expect(run.stderr).toMatch(/needs\[1\]\.quantity/);
    expect(run.stderr).toMatch(/offers\[1\]\.id/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing file and an unknown flag value without a stack trace', () => {
    const missing = runCli(['solve', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read batch/);
    const badMode = runCli(['solve', 'data/example-batch.json', '--mode', 'greedy']);
    expect(badMode.status).not.toBe(0);
    expect(badMode.stderr).toMatch(/greedy/);
    expect(badMode.stderr).not.toMatch(/\n\s+at /);
  });
});
