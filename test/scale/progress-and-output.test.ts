import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunProgress, PROGRESS_AUTO_BYTES, type ProgressSink } from '../../src/cli/progress.js';
import { jsonChunks } from '../../src/cli/json-chunks.js';
import { runCli } from '../cli/run-cli.js';
import type { MatchResult } from '../../src/match/types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedui-progress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink(isTTY: boolean): ProgressSink & { text: string } {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(t: string) {
      this.text += t;
    },
  };
}

/** Plays a run through a display: reading, every stage, a solve of 4 components. */
function playRun(mode: 'auto' | 'bar' | 'lines' | 'off', out: ProgressSink, bytes: number) {
  let now = 0;
  const p = createRunProgress(mode, out, () => now, bytes);
  for (let b = 1; b <= 10; b++) {
    now += 300;
    p.reading({ bytes: b * 100, totalBytes: 1000, records: b * 7 });
  }
  for (const stage of ['intake', 'candidates', 'scoring', 'model']) {
    now += 1000;
    p.stage(stage, 1000);
  }
  p.model(4, 1000, true);
  for (let c = 1; c <= 4; c++) {
    now += 2500;
    p.solving({ components: c, totalComponents: 4, arcs: c * 250, totalArcs: 1000 });
  }
  p.stage('solve', 10_000);
  now += 500;
  p.stage('results', 500);
  p.done('done');
}

describe('progress display', () => {
  it('stays silent for small batches in auto mode, and when off', () => {
    for (const [mode, bytes] of [['auto', PROGRESS_AUTO_BYTES - 1], ['off', 1e9]] as const) {
      const out = sink(true);
      playRun(mode, out, bytes);
      expect(out.text).toBe('');
    }
  });

  it('writes plain lines without a terminal: every stage, throttled status lines, the end', () => {
    const out = sink(false);
    playRun('auto', out, PROGRESS_AUTO_BYTES);
    const lines = out.text.trimEnd().split('\n');
    expect(out.text).not.toMatch(/\r|\x1b/);
    for (const stage of ['intake', 'candidates', 'scoring', 'model', 'solve', 'results']) expect(out.text).toMatch(new RegExp(`^jiedui: ${stage} done in `, 'm'));
    // Ten reading updates 300 ms apart make two lines (the first, and one two seconds later).
    expect(lines.filter((l) => l.startsWith('jiedui: reading')).length).toBe(2);
    expect(lines.filter((l) => l.startsWith('jiedui: solving: ')).length).toBe(3);
    expect(lines.at(-1)).toMatch(/^jiedui: done \[17\.5 s\]$/);
  });

  it('draws one bar in place on a terminal, never going backwards, and ends the line', () => {
    const out = sink(true);
    playRun('auto', out, PROGRESS_AUTO_BYTES);
    const frames = out.text.split('\r\x1b[2K').filter((f) => f !== '');
    expect(frames.length).toBeGreaterThan(8);
    const percents = frames.slice(0, -1).map((f) => Number(/(\d+)%/.exec(f)![1]));
    for (let i = 1; i < percents.length; i++) expect(percents[i]!).toBeGreaterThanOrEqual(percents[i - 1]!);
    expect(percents.at(-1)).toBe(100);
    expect(frames.at(-1)).toMatch(/^jiedui: done in 17\.5 s\n$/);
    expect(out.text.split('\n')).toHaveLength(2);
  });
});

describe('result JSON in pieces', () => {
  it('is the text JSON.stringify writes, for any JSON value and with large arrays taken apart', () => {
    const big = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 257, maxLength: 300 });
    const value = fc.oneof(fc.jsonValue(), fc.record({ a: big, b: fc.jsonValue(), c: fc.record({ d: big, e: fc.constant(undefined) }) }), big);
    fc.assert(
      fc.property(value, fc.constantFrom(1, 2), (v, indent) => {
        expect([...jsonChunks(v, indent)].join('')).toBe(JSON.stringify(v, null, indent));
      }),
      { numRuns: 60, seed: 31 },
    );
  });
});

describe('jiedui solve on a batch of more than a megabyte', () => {
  it('shows progress lines on stderr (not a terminal), keeps stdout for the result, and writes the same result file', () => {
    const batch = JSON.parse(readFileSync('data/sample-changzhou.json', 'utf8'));
    // Long descriptions push the file past the progress threshold without making the run longer.
    for (const n of batch.needs) n.description = '为辖区独居老人提供助餐、助浴和上门探访服务，'.repeat(40);
    const path = join(dir, 'big.json');
    writeFileSync(path, JSON.stringify(batch));
    const withProgress = runCli(['solve', path, '--out', join(dir, 'a.json')]);
    expect(withProgress.status).toBe(0);
    expect(withProgress.stderr).toMatch(/^jiedui: intake done in [\d.]+ s \[/m);
    expect(withProgress.stderr).toMatch(/^jiedui: solve done in /m);
    expect(withProgress.stderr).toMatch(/^jiedui: done \[/m);
    expect(withProgress.stdout).toMatch(/^Pairing result/);
    const quiet = runCli(['solve', path, '--out', join(dir, 'b.json'), '--progress', 'off', '--workers', '0']);
    expect(quiet.stderr).toBe('');
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as MatchResult;
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as MatchResult;
    expect({ ...a, solve: { ...a.solve, timings: {} } }).toEqual({ ...b, solve: { ...b.solve, timings: {} } });
    const bad = runCli(['solve', path, '--workers', 'many']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/whole number/);
  });
});
