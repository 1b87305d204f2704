/**
 * Runs the named intake scenarios in test/cases/intake-*.json: each holds a batch, what it shows,
 * and the issues (path, code, and a word the hint must contain) written by hand from the batch.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/domain/issues.js';
import { parseBatch } from '../../src/intake/index.js';

interface IntakeCase {
  readonly shows: string;
  readonly batch: unknown;
  readonly expectedIssues: ReadonlyArray<{ path: string; code: string; hint?: string }>;
}

const dir = new URL('../cases/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.startsWith('intake-') && f.endsWith('.json'));

describe('named intake scenarios', () => {
  it('there are scenarios to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(file, () => {
      const scenario = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as IntakeCase;
      const r = parseBatch(JSON.stringify(scenario.batch, null, 2));
      const got = r.ok ? [] : r.issues.map((i) => ({ path: formatPath(i.path), code: i.code }));
      expect(got).toEqual(scenario.expectedIssues.map(({ path, code }) => ({ path, code })));
      if (r.ok) return;
      scenario.expectedIssues.forEach((want, k) => {
        if (want.hint !== undefined) expect(r.issues[k]?.hint).toContain(want.hint);
      });
    });
  }
});
