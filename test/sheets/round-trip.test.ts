/**
 * The whole path a planner and an official take: template → filled sample → import → solve →
 * export → re-import of the export. Each step is checked against an oracle that does not go
 * through sheets: the sample JSON through intake, the result of solving that JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchSchema, type Batch } from '../../src/domain/batch-schema.js';
import type { MatchResult } from '../../src/match/types.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { runMatching } from '../../src/match/run-matching.js';
import { SECTIONS, batchFiles, exportResultFiles, importSheets, templateFiles, type SheetFile } from '../../src/sheets/index.js';
import { readSheetFiles } from '../../src/sheets/read/read-files.js';
import type { SheetTable } from '../../src/sheets/read/sheet-table.js';
import { ROOT, sampleBatch, sampleJson } from './helpers.js';

const asFile = (f: { name: string; bytes: Buffer }): SheetFile => ({ name: f.name, bytes: f.bytes });

/** A read table as objects keyed by header (the test's own reader of the export). */
function objects(table: SheetTable): Array<Record<string, unknown>> {
  const [header, ...rows] = table.rows;
  const names = (header?.cells ?? []).map(String);
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r.cells[i] ?? null])));
}

describe('templates', () => {
  it('each section has an xlsx template whose first sheet carries exactly its headers, and an explanation sheet with one row per column', async () => {
    const files = await templateFiles('zh');
    for (const section of SECTIONS) {
      const xlsx = files.find((f) => f.name === `${section.fileStem}.xlsx`)!;
      const { tables } = await readSheetFiles([asFile(xlsx)]);
      expect(tables[0]!.sheet).toBe(section.sheetName.zh);
      expect(tables[0]!.rows.map((r) => r.cells)).toEqual([section.columns.map((c) => c.header.zh)]);
      const explained = objects(tables.find((t) => t.sheet === '填写说明')!);
      expect(explained.map((r) => r['列名'])).toEqual(section.columns.map((c) => c.header.zh));
      expect(explained.every((r) => r['示例'] !== null && r['说明'] !== null)).toBe(true);
      const csv = files.find((f) => f.name === `${section.fileStem}.csv`)!;
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
  });

  it('blank templates import as an empty batch (headers only is not an error)', async () => {
    const files = (await templateFiles('zh')).filter((f) => f.name.endsWith('.xlsx'));
    const r = await importSheets(files.map(asFile));
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.batch.communities.length, r.batch.needs.length, r.batch.offers.length]).toEqual([0, 0, 0]);
  });

  it('the shipped templates are what the writer produces (same headers)', async () => {
    for (const section of SECTIONS) {
      const shipped = readFileSync(join(ROOT, 'data/templates', `${section.fileStem}.csv`), 'utf8');
      expect(shipped.replace(/^\uFEFF/, '').trim()).toBe(section.columns.map((c) => c.header.zh).join(','));
    }
  });
});

describe('sample as filled sheets', () => {
  const expected = sampleBatch();
  const asWritten = BatchSchema.parse(sampleJson());

  it('the sample written with English headers and labels imports to exactly the batch JSON intake gives', async () => {
    const [xlsx] = await batchFiles(asWritten, 'en', 'sample');
    const r = await importSheets([asFile(xlsx!)], { name: expected.name! });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.batch).toEqual(expected);
  });

  it('the shipped data/sample-changzhou.xlsx and its CSV files import to that batch too', async () => {
    const read = (p: string): SheetFile => ({ name: p, bytes: readFileSync(join(ROOT, 'data', p)) });
    const xlsx = await importSheets([read('sample-changzhou.xlsx')], { name: expected.name! });
    const stems = ['communities', 'needs', 'offers', 'previous-pairings'];
    const csv = await importSheets(stems.map((s) => read(`sample-changzhou-${s}.csv`)), { name: expected.name! });
    for (const r of [xlsx, csv]) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.batch).toEqual(expected);
    }
  });
});

describe('import → solve → export → re-import', () => {
  const sampleXlsx = (): SheetFile => ({ name: 'sample.xlsx', bytes: readFileSync(join(ROOT, 'data/sample-changzhou.xlsx')) });
  let imported: Batch;
  let result: MatchResult;
  beforeAll(async () => {
    const r = await importSheets([sampleXlsx()]);
    if (!r.ok) throw new Error('test: the sample did not import');
    imported = r.batch;
    result = runMatching(imported, defaultWeightProfile);
  });

  it('solving the imported batch gives the result of solving the JSON', () => {
    expect(result).toEqual(runMatching(sampleBatch(), defaultWeightProfile));
    expect(result.pairings.length).toBeGreaterThan(100);
  });

  it('the xlsx export reads back to the result, and its pairings sheet re-imports as earlier pairings', async () => {

    const [xlsx] = await exportResultFiles(result, { format: 'xlsx', lang: 'zh', batch: imported });
    const { tables } = await readSheetFiles([asFile(xlsx!)]);
    expect(tables.map((t) => t.sheet)).toEqual(['结对结果', '未满足需求', '统计', '概要']);
    const [pairings, unmet, statistics] = tables.map(objects);
    expect(pairings!.map((p) => [p['需求编号'], p['资源编号'], p['分配数量']])).toEqual(result.pairings.map((p) => [p.need, p.offer, p.amount]));
    const titles = new Map(imported.needs.map((n) => [n.id, n.title]));
    expect(pairings!.every((p) => p['需求名称'] === titles.get(String(p['需求编号'])))).toBe(true);
    expect(pairings!.map((p) => p['价值'])).toEqual(result.pairings.map((p) => p.value));
    expect(unmet!.map((u) => [u['需求编号'], u['需求量'], u['已满足'], u['缺口']])).toEqual(result.unmet.map((u) => [u.need, u.demand, u.met, u.demand - u.met]));
    const total = statistics!.find((s) => s['维度'] === '合计')!;
    expect([total['需求数'], total['全部满足'], total['覆盖社区数']]).toEqual([result.coverage.total.needs, result.coverage.total.needsMet, result.coverage.total.communitiesReached]);
    expect(statistics!.filter((s) => s['维度'] === '区县').map((s) => s['分组'])).toEqual(result.coverage.byDistrict.map((r) => r.key));

    // Fed back with the batch, the pairings sheet becomes last round's pairings (continuity).
    const again = await importSheets([sampleXlsx(), asFile(xlsx!)]);
    expect(again.ok).toBe(true);
    if (again.ok) {
      const fromExport = again.batch.previousPairings.slice(imported.previousPairings.length);
      expect(fromExport).toEqual(result.pairings.map((p) => ({ need: p.need, offer: p.offer })));
    }
  });

  it('the CSV export in English has one file per sheet with the same rows', async () => {
    const files = await exportResultFiles(result, { format: 'csv', lang: 'en', stem: 'run' });
    expect(files.map((f) => f.name)).toEqual(['run-pairings.csv', 'run-unmet.csv', 'run-statistics.csv', 'run-summary.csv']);
    const { tables, encodings } = await readSheetFiles(files.map(asFile));
    expect(encodings['run-pairings.csv']).toBe('utf-8-bom');
    const pairings = objects(tables[0]!);
    expect(pairings.map((p) => [p['Need ID'], p['Offer ID'], Number(p['Amount'])])).toEqual(result.pairings.map((p) => [p.need, p.offer, p.amount]));
    expect(new Set(pairings.map((p) => p['Category']))).not.toContain('elderly');
    expect(objects(tables[1]!).length).toBe(result.unmet.length);
  });
});
