/**
 * Test inputs built without our writers (exceljs directly, CSV text by hand), so reader tests
 * do not only check that our reader understands our writer.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { validateBatch } from '../../src/intake/load-batch.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { SheetFile } from '../../src/sheets/index.js';
import type { SheetIssue } from '../../src/sheets/sheet-issue.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

export type Rows = ReadonlyArray<ReadonlyArray<unknown>>;

/** An .xlsx workbook with the given sheets, written by exceljs itself. */
export async function xlsxFile(name: string, sheets: Readonly<Record<string, Rows>>): Promise<SheetFile> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow([...row]);
  }
  return { name, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: Rows, delimiter = ','): string {
  return rows.map((r) => r.map(csvField).join(delimiter)).join('\r\n') + '\r\n';
}

/** A CSV file in an encoding (iconv-lite does the encoding, as the issue asks). */
export function csvFile(name: string, rows: Rows, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' = 'utf-8', delimiter = ','): SheetFile {
  const text = csvText(rows, delimiter);
  if (encoding === 'gb18030') return { name, bytes: iconv.encode(text, 'gb18030') };
  if (encoding === 'utf-16le') return { name, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]) };
  const body = Buffer.from(text, 'utf8');
  return { name, bytes: encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jiedui-sheets-'));
}

export function sampleJson(): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'data/sample-changzhou.json'), 'utf8'));
}

/** The sample as JSON intake reads it: the oracle every sheet import of it must equal. */
export function sampleBatch(): Batch {
  const r = validateBatch(sampleJson());
  if (!r.ok) throw new Error('test: the sample batch is invalid');
  return r.batch;
}

/** Issues reduced to what a planner is told: where and what kind. */
export function where(issues: readonly SheetIssue[]): Array<[string, number | undefined, string | undefined, string]> {
  return issues.map((i) => [i.sheet, i.row, i.column, i.code]);
}

/** The smallest valid set of sheets in Chinese: two communities, two needs, two offers. */
export const COMMUNITIES_ZH: Rows = [
  ['社区编号', '社区名称', '所属区县', '所属街道（镇）', '社区类型', '纬度', '经度', '常住人口', '老年人数', '试点社区'],
  ['c1', '丽华新村社区', '天宁区', '茶山街道', '老旧小区', 31.78, 119.99, 12000, 3900, '是'],
  ['c2', '清潭社区', '钟楼区', '永红街道', '城市社区', 31.77, 119.93, 15000, null, '否'],
];
export const NEEDS_ZH: Rows = [
  ['需求编号', '所属社区', '需求名称', '需求类别', '支持形式', '数量', '单位', '受益人数', '紧急程度', '开始日期', '结束日期'],
  ['n1', 'c1', '助餐送餐', '养老服务', '人才', 3, '人天', 40, 4, '2025-03-01', '2025-06-30'],
  ['n2', 'c2', '法律咨询', '法律服务与调解', '技术', 10, '次', 100, 3, null, null],
];
export const OFFERS_ZH: Rows = [
  ['资源编号', '提供方名称', '提供方类型', '支持形式', '供给总量', '单位', '服务类别', '服务区县'],
  ['o1', '红梅志愿队', '志愿服务组织', '人才', 200, '小时', '养老服务、医疗健康', '天宁区'],
  ['o2', '某律师事务所', '社会工作人才', '技术', 20, '次', '法律服务与调解', null],
];
