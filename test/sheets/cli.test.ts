/**
 * The commands as a planner runs them, in a child process: `jiedui template`, `jiedui import`
 * (good files in GB18030 and UTF-8 with BOM; bad files give exit 2, the list, no stack trace and
 * no output file), and `jiedui export` of a result `jiedui solve --out` wrote.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../src/domain/issues.js';
import { validateBatch } from '../../src/intake/load-batch.js';
import { exportAction } from '../../src/cli/commands/export.js';
import { importAction } from '../../src/cli/commands/import.js';
import { solveAction } from '../../src/cli/commands/solve.js';
import { COMMUNITIES_ZH, NEEDS_ZH, OFFERS_ZH, ROOT, csvFile, tempDir } from './helpers.js';

function jiedui(args: readonly string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

function write(dir: string, file: { name: string; bytes: Uint8Array }): string {
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  return path;
}

describe('jiedui template / import / export', () => {
  it('template --out DIR writes xlsx and csv templates for every section', () => {
    const dir = tempDir();
    const run = jiedui(['template', '--out', dir]);
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['communities', 'needs', 'offers', 'previous-pairings'].flatMap((s) => [`${s}-columns.csv`, `${s}.csv`, `${s}.xlsx`]).sort(),
    );
  });

  it('import of GB18030 and BOM files writes a valid batch; solve and export run on it', async () => {
    const dir = tempDir();
    const files = [
      write(dir, csvFile('communities.csv', COMMUNITIES_ZH, 'gb18030')),
      write(dir, csvFile('needs.csv', NEEDS_ZH, 'utf-8-bom')),
      write(dir, csvFile('offers.csv', OFFERS_ZH, 'gb18030')),
    ];
    const batchPath = join(dir, 'batch.json');
    const imported = jiedui(['import', ...files, '--out', batchPath, '--name', '测试批次']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('communities.csv: communities, 2 rows (gb18030)');
    expect(imported.stdout).toContain('needs.csv: needs, 2 rows (utf-8-bom)');
    const batch = validateBatch(JSON.parse(readFileSync(batchPath, 'utf8')));
    expect(batch.ok).toBe(true);
    if (batch.ok) expect([batch.batch.name, batch.batch.communities[0]!.name]).toEqual(['测试批次', '丽华新村社区']);

    const resultPath = join(dir, 'result.json');
    solveAction(batchPath, { mode: 'flow', out: resultPath, format: 'json', lang: 'en' }, () => {});
    const exported = jiedui(['export', resultPath, '--out', join(dir, 'out', 'run.xlsx'), '--batch', batchPath]);
    expect(exported.status).toBe(0);
    expect(existsSync(join(dir, 'out', 'run.xlsx'))).toBe(true);
    // The rest in-process (a child process costs seconds on a shared machine): same actions.
    await exportAction(resultPath, { format: 'csv', lang: 'en', out: join(dir, 'csv', 'run'), encoding: 'utf-8-bom' }, () => {});
    expect(readFileSync(join(dir, 'csv', 'run-pairings.csv'), 'utf8')).toMatch(/^\uFEFFNeed ID,Offer ID,/);
  });

  it('bad input exits 2 with every bad cell listed, writes nothing, and prints no stack trace', async () => {
    const dir = tempDir();
    const needs = NEEDS_ZH.map((r) => [...r]);
    needs[1]![5] = '三';
    needs[2]![3] = '不存在的类别';
    const files = [write(dir, csvFile('communities.csv', COMMUNITIES_ZH)), write(dir, csvFile('needs.csv', needs)), write(dir, csvFile('offers.csv', OFFERS_ZH))];
    const out = join(dir, 'batch.json');
    const run = jiedui(['import', ...files, '--out', out]);
    expect(run.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toContain('error: import: 2 issues; nothing written');
    expect(run.stderr).toContain('needs.csv F2 (row 2, 数量): expected a number, got "三" [not_a_number]');
    expect(run.stderr).toContain('needs.csv D3 (row 3, 需求类别)');
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const errors: string[] = [];
    const kept = await importAction(files, { out, keepValid: true, lang: 'zh' }, () => {}, (l) => errors.push(l));
    expect(kept).toBe(0);
    expect(errors[0]).toBe(`warning: 2 rows rejected, written to ${join(dir, 'batch.rejects.xlsx')}:`);
    expect(existsSync(join(dir, 'batch.rejects.xlsx'))).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).needs).toEqual([]);

    const missing = importAction([join(dir, 'nope.xlsx')], { out, lang: 'zh' }, () => {}, () => {});
    await expect(missing).rejects.toThrow(InvalidInputError);
    await missing.catch((e: InvalidInputError) => expect(e.issues[0]!.message).toBe('cannot read the file: ENOENT'));
  });
});
