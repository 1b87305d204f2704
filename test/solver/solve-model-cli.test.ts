/**
 * `jiedui solve-model` end to end: a generated Changzhou model (gen.mjs, seed 1) solved by the
 * real CLI in a child process, its objective compared with HiGHS (the `highs` package) solving
 * the same LP; a bad file fails with every problem and no stack trace. The other behaviours run
 * in-process through the command's action (each CLI start costs seconds under tsx).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveModelAction } from '../../src/cli/commands/solve-model.js';
import { InvalidInputError } from '../../src/domain/issues.js';
import { readTransportModel, transportModelToLp } from '../../src/solver/transport/index.js';

const GENERATOR = '/work/shared/perf/gen.mjs';
let dir = '';

interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'solve-model', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function highsObjective(lp: string): Promise<number> {
  const mod = (await import('highs')) as unknown as { default: unknown };
  const loader = ((mod.default as { default?: unknown }).default ?? mod.default) as () => Promise<{ solve(lp: string): { Status: string; ObjectiveValue: number } }>;
  const solution = (await loader()).solve(lp);
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

const small = {
  format: 'transport/v1',
  offers: { id: ['a', 'b'], capacity: [2, 1] },
  needs: { id: ['x', 'y'], demand: [1, 2] },
  edges: { offer: [0, 0, 1], need: [0, 1, 1], weight: [5.5, 2.25, 3], cap: [1, 2, 1] },
};
const bad = { format: 'transport/v1', offers: { id: ['a'], capacity: [-2] }, needs: { id: ['x'], demand: [1] }, edges: { offer: [3], need: [0], weight: [1], cap: [1] } };
let runs: { json: Promise<CliRun>; bad: Promise<CliRun> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-solve-model-'));
  execFileSync(process.execPath, [GENERATOR, '--family', 'changzhou', '--seed', '1', '--out', join(dir, 'cz.json'), '--bin', join(dir, 'cz.tbin')]);
  writeFileSync(join(dir, 'small.json'), JSON.stringify(small));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
  // Both child processes start at once; the tests await them.
  runs = { json: runCli(join(dir, 'cz.json')), bad: runCli(join(dir, 'bad.json')) };
});

afterAll(async () => {
  await Promise.all(Object.values(runs ?? {}));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('jiedui solve-model', () => {
  it('prints one JSON line whose objective matches HiGHS on the same LP', async () => {
    const model = readTransportModel(readFileSync(join(dir, 'cz.json')));
    const reference = await highsObjective(transportModelToLp(model));
    const run = await runs.json;
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ status: 'optimal', offers: 400, needs: 600, edges: 24027, certificate_ok: true, certificate_gap: 0 });
    for (const key of ['seconds', 'seconds_parse', 'seconds_total']) expect(line[key]).toBeGreaterThan(0);
    expect(Math.abs(line.objective - reference)).toBeLessThanOrEqual(1e-6 * Math.abs(reference));
  });

  it('rejects a bad file with every problem and no stack trace', async () => {
    const run = await runs.bad;
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('offers.capacity[0]: expected an integer >= 0, got -2');
    expect(run.stderr).toContain('edges.offer[0]: index 3 outside 0..0');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the .tbin twin to the same objective', () => {
    const fromJson = solveModelAction(join(dir, 'cz.json'), {});
    const fromBin = solveModelAction(join(dir, 'cz.tbin'), {});
    expect(fromBin['objective']).toBe(fromJson['objective']);
    expect(fromBin['edges']).toBe(24027);
  });

  it('adds the javascript-lp-solver objective with --verify on a small model', () => {
    const line = solveModelAction(join(dir, 'small.json'), { verify: true });
    expect(line).toMatchObject({ status: 'optimal', objective: 5.5 + 2.25 + 3, oracle_status: 'optimal', oracle_objective: 10.75, oracle_agrees: true });
  });

  it('turns a missing file into an input error', () => {
    expect(() => solveModelAction(join(dir, 'nope.json'), {})).toThrow(InvalidInputError);
  });
});
